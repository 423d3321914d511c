import type { ActivityView, AssignmentItem, AssignmentPage, AssignmentView, ContributionView, DisputeView, HandoverView, RedirectView } from '@yikouban/contracts';
import type {
  AssignmentActivityView,
  HandoverView as HandoverGql,
  JurisdictionDisputeView,
  RedirectView as RedirectGql,
  ReplyContributionView,
  WorkbenchAssignmentConnectionView,
  WorkbenchAssignmentDetailView,
  WorkbenchAssignmentView,
} from './dto/workbench.views';

/** Routing says organisation (orgCode); the gateway, like the grievance view, says unit. */
const by = (b: { userId: string; orgCode: string }) => ({ userId: b.userId, unitCode: b.orgCode });
/** Routing's ISO instants as the Dates the DateTime scalar serialises. */
export const at = (iso: string): Date => new Date(iso);
export const atOrNull = (iso: string | null): Date | null => (iso === null ? null : new Date(iso));

export function toAssignmentView(a: AssignmentItem): WorkbenchAssignmentView {
  return {
    id: a.id,
    grievanceId: a.grievanceId,
    trackingCode: a.trackingCode,
    role: a.role,
    unitCode: a.orgCode,
    unitName: a.orgName,
    regionCode: a.regionCode,
    status: a.status,
    ruleId: a.ruleId,
    ruleVersion: a.ruleVersion,
    returnDeadlineAt: at(a.returnDeadlineAt),
    acceptedAt: atOrNull(a.acceptedAt),
    bindingDecisionId: a.bindingDecisionId,
    pendingHandover: a.pendingHandover ? { handoverId: a.pendingHandover.handoverId, toUnitCode: a.pendingHandover.toOrgCode, toUnitName: a.pendingHandover.toOrgName } : null,
    createdAt: at(a.createdAt),
    updatedAt: at(a.updatedAt),
  };
}

function toContribution(c: ContributionView): ReplyContributionView {
  return { fromAssignmentId: c.fromAssignmentId, unitCode: c.orgCode, unitName: c.orgName, text: c.text, by: by(c.by), at: at(c.at) };
}

function toActivity(a: ActivityView): AssignmentActivityView {
  return { at: at(a.at), kind: a.kind, by: a.by ? by(a.by) : null, detail: JSON.stringify(a.detail ?? {}) };
}

export function toDetailView(a: AssignmentView): WorkbenchAssignmentDetailView {
  return {
    ...toAssignmentView(a),
    returnedAt: atOrNull(a.returnedAt),
    returnReason: a.returnReason,
    replacesAssignmentId: a.replacesAssignmentId,
    disputeId: a.disputeId,
    caseLeader: a.caseLeader,
    timeline: a.timeline.map(toActivity),
    contributions: a.contributions.map(toContribution),
    reply: a.reply ? { letter: a.reply.letter, contributions: a.reply.contributions.map(toContribution), by: by(a.reply.by), repliedAt: at(a.reply.repliedAt) } : null,
  };
}

export function toConnection(page: AssignmentPage): WorkbenchAssignmentConnectionView {
  const edges = page.items.map((item) => ({ cursor: item.cursor, node: toAssignmentView(item) }));
  return { edges, pageInfo: { hasNextPage: page.nextCursor !== null, endCursor: edges.at(-1)?.cursor ?? null } };
}

export function toHandoverView(h: HandoverView): HandoverGql {
  return {
    id: h.id,
    assignmentId: h.assignmentId,
    grievanceId: h.grievanceId,
    trackingCode: h.trackingCode,
    fromUnitCode: h.fromOrgCode,
    toUnitCode: h.toOrgCode,
    toUnitName: h.toOrgName,
    reason: h.reason,
    status: h.status,
    requestedAt: at(h.requestedAt),
    decidedAt: atOrNull(h.decidedAt),
    declineReason: h.declineReason,
    newAssignmentId: h.newAssignmentId,
  };
}

export function toDisputeView(d: DisputeView): JurisdictionDisputeView {
  return {
    id: d.id,
    grievanceId: d.grievanceId,
    trackingCode: d.trackingCode,
    status: d.status,
    basis: d.basis,
    escalatedToUnitCode: d.escalatedToOrgCode,
    escalatedToUnitName: d.escalatedToOrgName,
    disputants: d.disputants.map((x) => ({ assignmentId: x.assignmentId, unitCode: x.orgCode, unitName: x.orgName, reason: x.reason })),
    openedAt: at(d.openedAt),
    decision: d.decision
      ? { leadUnitCode: d.decision.leadOrgCode, coUnitCodes: d.decision.coOrgCodes, reason: d.decision.reason, by: by(d.decision.by), decidedAt: at(d.decision.decidedAt), assignmentIds: d.decision.assignmentIds }
      : null,
  };
}

export function toRedirectView(r: RedirectView): RedirectGql {
  return {
    grievanceId: r.grievanceId,
    to: r.to,
    targetUnitCode: r.targetOrgCode,
    targetUnitName: r.targetOrgName,
    sourceAssignmentId: r.sourceAssignmentId,
    closedAssignmentIds: r.closedAssignmentIds,
    redirectedAt: at(r.redirectedAt),
  };
}
