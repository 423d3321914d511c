import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { defineEvent } from '../contract';
import { AssignmentFactBase } from './routing-assignment-common';

/**
 * The unit returned a misrouted assignment with its reason, within the window (信访工作条例 第二十三条).
 * It goes back to the command centre, or — when two or more units returned the same grievance —
 * to the dispute named by `disputeId` (第二十四条).
 */
export class AssignmentReturnedV1 extends AssignmentFactBase {
  @IsString() @Length(1, 1000) reason: string;
  @IsISO8601() returnDeadlineAt: string;
  @IsIn(['awaiting_reassignment', 'disputed']) nextStatus: 'awaiting_reassignment' | 'disputed';
  @IsOptional() @IsUUID() disputeId?: string;
}

export const AssignmentReturned = defineEvent('routing.assignment.returned', 1, AssignmentReturnedV1);
