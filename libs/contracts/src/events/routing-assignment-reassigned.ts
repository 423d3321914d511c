import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { CODE_PATTERN } from '../common';
import { defineEvent } from '../contract';
import { AssignmentFactBase, REASSIGN_CAUSES, type ReassignCause } from './routing-assignment-common';

/**
 * This assignment is closed and the matter moved on: reassigned by the command centre, handed
 * over (首接负责制) or settled by a jurisdiction decision. The new unit's assignment, when there is
 * one, is announced by its own `routing.assignment.created`.
 */
export class AssignmentReassignedV1 extends AssignmentFactBase {
  @IsIn(REASSIGN_CAUSES) cause: ReassignCause;
  @IsString() @Length(1, 2000) reason: string;
  @IsOptional() @IsUUID() toAssignmentId?: string;
  @IsOptional() @Matches(CODE_PATTERN) toOrgCode?: string;
  @IsOptional() @IsString() @Length(1, 200) toOrgName?: string;
}

export const AssignmentReassigned = defineEvent('routing.assignment.reassigned', 1, AssignmentReassignedV1);
