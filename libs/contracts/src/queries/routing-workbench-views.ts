import type { AssignmentRole } from '../common';
import type { AssignmentStatusName, EscalationBasis, RedirectTarget, ReplyConclusion } from '../events/routing-assignment-common';

/** One row of a unit's inbox. Times are ISO strings. */
export interface AssignmentItem {
  id: string;
  grievanceId: string;
  trackingCode: string;
  role: AssignmentRole;
  orgCode: string;
  orgName: string;
  regionCode: string;
  status: AssignmentStatusName;
  ruleId: string;
  ruleVersion: number;
  /** 信访工作条例 第二十三条: a misrouted assignment may be returned until then (5 working days). */
  returnDeadlineAt: string;
  acceptedAt: string | null;
  /** Set when a jurisdiction decision made this assignment: it can no longer be returned. */
  bindingDecisionId: string | null;
  /** 首接负责制: a handover asked for and not yet answered; the unit keeps the case meanwhile. */
  pendingHandover: { handoverId: string; toOrgCode: string; toOrgName: string } | null;
  createdAt: string;
  updatedAt: string;
}

/** An inbox row with its own keyset cursor: pass it as `cursor` to continue after that row. */
export interface InboxItem extends AssignmentItem {
  cursor: string;
}

export interface AssignmentPage {
  items: InboxItem[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface ActivityView {
  at: string;
  /** accepted, returned, progress_note, dispatched, contributed, replied, case_leader, handover_requested, handover_accepted, handover_declined, reassigned, escalated, redirected, closed, decided. */
  kind: string;
  by: { userId: string; orgCode: string } | null;
  detail: Record<string, unknown>;
}

export interface ContributionView {
  fromAssignmentId: string;
  orgCode: string;
  orgName: string;
  text: string;
  by: { userId: string; orgCode: string };
  at: string;
}

export interface ReplyLetterView {
  request: string;
  facts: string;
  reasons: string;
  opinion: string;
  legalBasis: string[];
  conclusion: ReplyConclusion;
}

/** One assignment with its handling record: the unit's workbench page. */
export interface AssignmentView extends AssignmentItem {
  returnedAt: string | null;
  returnReason: string | null;
  replacesAssignmentId: string | null;
  disputeId: string | null;
  caseLeader: { name: string; title: string } | null;
  timeline: ActivityView[];
  /** For the lead: what the co-units contributed so far; for a co-unit: what it contributed. */
  contributions: ContributionView[];
  reply: { letter: ReplyLetterView; contributions: ContributionView[]; by: { userId: string; orgCode: string }; repliedAt: string } | null;
}

export interface HandoverView {
  id: string;
  assignmentId: string;
  grievanceId: string;
  trackingCode: string;
  fromOrgCode: string;
  toOrgCode: string;
  toOrgName: string;
  reason: string;
  status: 'requested' | 'accepted' | 'declined';
  requestedAt: string;
  decidedAt: string | null;
  declineReason: string | null;
  newAssignmentId: string | null;
}

export interface DisputeView {
  id: string;
  grievanceId: string;
  trackingCode: string;
  status: 'open' | 'decided';
  basis: EscalationBasis;
  escalatedToOrgCode: string;
  escalatedToOrgName: string;
  disputants: { assignmentId: string; orgCode: string; orgName: string; reason: string | null }[];
  openedAt: string;
  decision: { leadOrgCode: string; coOrgCodes: string[]; reason: string; by: { userId: string; orgCode: string }; decidedAt: string; assignmentIds: string[] } | null;
}

/** A triage decision as stored: overrides name the decision they replace. */
export interface TriageView {
  decisionId: string;
  grievanceId: string;
  categoryCode: string | null;
  statutoryPath: string;
  diversion: string | null;
  complexity: string;
  colour: string;
  colourPolicy: string;
  guidedTo: string | null;
  decidedBy: string;
  decidedAt: string;
  replaces: string | null;
  overrideReason: string | null;
}

export interface RedirectView {
  grievanceId: string;
  to: RedirectTarget;
  targetOrgCode: string;
  targetOrgName: string;
  sourceAssignmentId: string;
  /** The lead's assignment (redirected) and any co-units' (closed). */
  closedAssignmentIds: string[];
  redirectedAt: string;
}
