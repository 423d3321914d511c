import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { CODE_PATTERN } from '../common';
import { defineQuery } from '../contract';
import { ASSIGNMENT_STATUSES, type AssignmentStatusName } from '../events/routing-assignment-common';
import type { AssignmentPage, AssignmentView, DisputeView, HandoverView } from './routing-workbench-views';

/** A unit's assignments, newest first, keyset-paginated on (created_at, id). */
export class AssignmentInbox {
  @Matches(CODE_PATTERN) orgCode: string;
  @IsOptional() @IsArray() @ArrayMaxSize(10) @IsIn(ASSIGNMENT_STATUSES, { each: true }) status?: AssignmentStatusName[];
  /** The nextCursor of the previous page. */
  @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  @IsOptional() @IsInt() @Min(1) @Max(100) limit?: number;
}

export class GetAssignment {
  @IsUUID() assignmentId: string;
  /** When given, only the unit itself, the other units on the same grievance and the command centre may look (else FORBIDDEN). */
  @IsOptional() @Matches(CODE_PATTERN) viewerOrgCode?: string;
}

/** Disputes escalated to an organisation (common superior or joint conference office). */
export class ListDisputes {
  @Matches(CODE_PATTERN) orgCode: string;
  @IsOptional() @IsIn(['open', 'decided']) status?: 'open' | 'decided';
}

/** Handovers waiting for an answer, sent to or by an organisation. */
export class PendingHandovers {
  @Matches(CODE_PATTERN) orgCode: string;
}

export const RoutingAssignmentInbox = defineQuery<AssignmentInbox, AssignmentPage>('routing.assignment.inbox', AssignmentInbox);
export const RoutingGetAssignment = defineQuery<GetAssignment, AssignmentView>('routing.assignment.get', GetAssignment);
export const RoutingListDisputes = defineQuery<ListDisputes, DisputeView[]>('routing.jurisdiction.list', ListDisputes);
export const RoutingPendingHandovers = defineQuery<PendingHandovers, HandoverView[]>('routing.handover.pending', PendingHandovers);
