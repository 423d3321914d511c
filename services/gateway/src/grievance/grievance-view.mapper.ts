import type { AssignmentSummary, ClockSummary, GrievanceSummary, TriageSummary } from '@yikouban/contracts';
import type { GrievanceTriageView } from './dto/grievance-triage.view';
import type { AssignmentView, DeadlineView, GrievanceView } from './dto/grievance.view';

export function toAssignmentView(a: AssignmentSummary): AssignmentView {
  return { role: a.role, unitCode: a.orgCode, unitName: a.orgName, status: a.status };
}

/** Lead assignments that have moved on to another unit or body no longer lead. */
const MOVED_ON: ReadonlySet<string> = new Set(['reassigned', 'handed_over', 'redirected']);

/** The lead unit now: the newest lead assignment that has not moved on (改派 / 移交 / 导入法定途径). */
export function pickLeadAssignment(assignments: AssignmentSummary[]): AssignmentSummary | undefined {
  return assignments
    .filter((a) => a.role === 'lead' && !MOVED_ON.has(a.status))
    .sort((x, y) => Date.parse(y.createdAt) - Date.parse(x.createdAt))[0];
}

/** The deadline that matters now: the earliest-due clock that has not stopped (running, paused or breached). */
export function openClocks(clocks: ClockSummary[]): ClockSummary[] {
  return clocks.filter((c) => c.state !== 'stopped').sort((x, y) => Date.parse(x.dueAt) - Date.parse(y.dueAt));
}

export function pickDeadlineClock(clocks: ClockSummary[]): ClockSummary | undefined {
  return openClocks(clocks)[0];
}

export function toDeadlineView(c: ClockSummary): DeadlineView {
  return { step: c.step, policyCode: c.policyCode, state: c.state, startedAt: new Date(c.startedAt), dueAt: new Date(c.dueAt) };
}

/** Composes what three services know about one grievance into the view the gateway shows. */
export function toGrievanceView(g: GrievanceSummary, assignments: AssignmentSummary[], clocks: ClockSummary[]): GrievanceView {
  const lead = pickLeadAssignment(assignments);
  const deadline = pickDeadlineClock(clocks);
  return {
    grievanceId: g.id,
    trackingCode: g.trackingCode,
    status: g.status,
    channel: g.channel,
    regionCode: g.regionCode,
    categoryCode: g.categoryCode,
    headcount: g.headcount,
    receivedAt: new Date(g.receivedAt),
    assignments: assignments.map(toAssignmentView),
    leadUnit: lead ? toAssignmentView(lead) : null,
    deadline: deadline ? toDeadlineView(deadline) : null,
    deadlines: openClocks(clocks).map(toDeadlineView),
  };
}

export function toTriageView(t: TriageSummary): GrievanceTriageView {
  return {
    statutoryPath: t.statutoryPath,
    diversion: t.diversion,
    complexity: t.complexity,
    colour: t.colour,
    reason: t.reason.zh,
    reasonEn: t.reason.en,
    categoryCode: t.categoryCode,
    listVersion: t.listVersion,
    decidedAt: new Date(t.decidedAt),
    overridden: t.overridden,
  };
}
