import { randomUUID } from 'node:crypto';
import type { AssignmentSummary, ClockSummary, GrievanceSummary } from '@yikouban/contracts';

/** Contract-shaped answers of intake, routing and supervision, for the gateway's tests. */
export function aGrievance(over: Partial<GrievanceSummary> = {}): GrievanceSummary {
  return {
    id: randomUUID(),
    trackingCode: 'YKB-2024-000123',
    status: 'assigned',
    channel: 'hotline_12345',
    regionCode: 'cn_county_town_01',
    categoryCode: 'housing_repair',
    headcount: 1,
    collective: false,
    firstTime: true,
    repeatOf: null,
    receivedAt: '2024-11-20T02:30:00.000Z',
    ...over,
  };
}

export function anAssignment(grievanceId: string, over: Partial<AssignmentSummary> = {}): AssignmentSummary {
  return {
    id: randomUUID(),
    grievanceId,
    role: 'lead',
    orgCode: 'housing_bureau',
    orgName: '县住房和城乡建设局',
    status: 'accepted',
    ruleId: 'rule-housing',
    ruleVersion: 1,
    createdAt: '2024-11-20T02:31:00.000Z',
    ...over,
  };
}

export function aClock(grievanceId: string, over: Partial<ClockSummary> = {}): ClockSummary {
  return {
    id: randomUUID(),
    grievanceId,
    step: 'handling',
    policyCode: 'statutory_handling_60d',
    state: 'running',
    startedAt: '2024-11-20T02:31:00.000Z',
    dueAt: '2025-02-20T09:00:00.000Z',
    ...over,
  };
}
