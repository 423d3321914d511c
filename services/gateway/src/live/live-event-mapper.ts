import type { AssignmentCreatedV1, AssignmentFactBase, AssignmentReassignedV1, GrievanceReceivedV1 } from '@yikouban/contracts';
import type { AssignmentChange, AssignmentChangeKind, LiveGrievance } from './dto/live.types';

export function toLiveGrievance(e: GrievanceReceivedV1): LiveGrievance {
  return {
    trackingCode: e.trackingCode,
    channel: e.channel,
    regionCode: e.regionCode,
    categoryCode: e.categoryCode ?? null,
    headcount: e.headcount,
    collective: e.collective,
    emergencyTerms: e.emergencyTerms ?? [],
    receivedAt: new Date(e.receivedAt),
  };
}

export function createdChange(e: AssignmentCreatedV1): AssignmentChange {
  return {
    kind: 'created',
    assignmentId: e.assignmentId,
    trackingCode: e.trackingCode,
    role: e.role,
    unitCode: e.orgCode,
    unitName: e.orgName,
    regionCode: e.regionCode,
    toUnitCode: null,
    at: new Date(e.createdAt),
  };
}

/** A later fact about an assignment; its region comes from what the gateway learnt of the assignment (null when unknown). */
export function laterChange(kind: Exclude<AssignmentChangeKind, 'created'>, e: AssignmentFactBase, known: { regionCode: string; unitName: string } | null): AssignmentChange {
  return {
    kind,
    assignmentId: e.assignmentId,
    trackingCode: e.trackingCode,
    role: e.role,
    unitCode: e.orgCode,
    unitName: known?.unitName ?? null,
    regionCode: known?.regionCode ?? null,
    toUnitCode: kind === 'reassigned' ? ((e as AssignmentReassignedV1).toOrgCode ?? null) : null,
    at: new Date(e.at),
  };
}
