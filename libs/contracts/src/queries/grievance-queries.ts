import { IsUUID, Matches } from 'class-validator';
import type { Channel, GrievanceStatus } from '../common';
import { TRACKING_CODE_PATTERN } from '../common';
import { defineQuery } from '../contract';

export class GetGrievanceByTrackingCode {
  @Matches(TRACKING_CODE_PATTERN, { message: 'trackingCode is not a tracking code' }) trackingCode: string;
}

export class ByGrievanceId {
  @IsUUID() grievanceId: string;
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
