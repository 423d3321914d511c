import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID, Matches } from 'class-validator';
import type { Channel, GrievanceStatus } from '../common';
import { TRACKING_CODE_PATTERN } from '../common';
import { defineQuery } from '../contract';

export class GetGrievanceByTrackingCode {
  @Matches(TRACKING_CODE_PATTERN, { message: 'trackingCode is not a tracking code' }) trackingCode: string;
}

export const MAX_GRIEVANCE_IDS_PER_BATCH = 500;

export class ByGrievanceId {
  @IsUUID() grievanceId: string;
}

/** Many grievances at once: the gateway batches a page's per-grievance questions into one (DataLoader). */
export class ByGrievanceIds {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_GRIEVANCE_IDS_PER_BATCH) @IsUUID('all', { each: true }) grievanceIds: string[];
}

export interface GrievanceSummary {
  id: string;
  trackingCode: string;
  status: GrievanceStatus;
  channel: Channel;
  regionCode: string;
  categoryCode: string | null;
  headcount: number;
  collective: boolean;
  firstTime: boolean;
  repeatOf: string | null;
  receivedAt: string;
}

export interface AssignmentSummary {
  id: string;
  grievanceId: string;
  role: 'lead' | 'co';
  orgCode: string;
  orgName: string;
  status: string;
  ruleId: string;
  ruleVersion: number;
  createdAt: string;
}

export interface ClockSummary {
  id: string;
  grievanceId: string;
  step: string;
  policyCode: string;
  state: 'running' | 'paused' | 'stopped' | 'breached';
  startedAt: string;
  dueAt: string;
}

/** Returns GrievanceSummary, or a not_found error. */
export const IntakeGetGrievance = defineQuery<GetGrievanceByTrackingCode, GrievanceSummary>('intake.grievance.get', GetGrievanceByTrackingCode);
export const RoutingListAssignments = defineQuery<ByGrievanceId, AssignmentSummary[]>('routing.assignment.list', ByGrievanceId);
export const SupervisionListClocks = defineQuery<ByGrievanceId, ClockSummary[]>('supervision.clock.list', ByGrievanceId);
/** The assignments of every grievance asked for, in one flat list (group by grievanceId); each grievance's in the order of RoutingListAssignments. */
export const RoutingListAssignmentsByGrievanceIds = defineQuery<ByGrievanceIds, AssignmentSummary[]>('routing.assignment.list_by_grievances', ByGrievanceIds);
/** The clocks of every grievance asked for, in one flat list (group by grievanceId); each grievance's in the order of SupervisionListClocks. */
export const SupervisionListClocksByGrievanceIds = defineQuery<ByGrievanceIds, ClockSummary[]>('supervision.clock.list_by_grievances', ByGrievanceIds);
