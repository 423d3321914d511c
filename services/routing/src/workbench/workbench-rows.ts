import type { AssignmentItem, AssignmentStatusName, DisputeView, HandoverView } from '@yikouban/contracts';

/** Columns of an assignment with its pending handover (`h`, LEFT JOINed on status 'requested'). */
export const ASSIGNMENT_COLUMNS = `a.id, a.grievance_id, a.tracking_code, a.role, a.org_code, a.org_name, a.region_code, a.status, a.rule_id, a.rule_version,
  a.return_deadline_at, a.accepted_at, a.binding_decision_id, a.created_at, a.updated_at, a.returned_at, a.return_reason,
  a.replaces_assignment_id, a.dispute_id, a.case_leader, h.id AS handover_id, h.to_org_code AS handover_to, h.to_org_name AS handover_to_name`;

export interface AssignmentRow {
  id: string;
  grievance_id: string;
  tracking_code: string;
  role: 'lead' | 'co';
  org_code: string;
  org_name: string;
  region_code: string;
  status: AssignmentStatusName;
  rule_id: string;
  rule_version: number;
  return_deadline_at: Date;
  accepted_at: Date | null;
  binding_decision_id: string | null;
  created_at: Date;
  updated_at: Date;
  returned_at: Date | null;
  return_reason: string | null;
  replaces_assignment_id: string | null;
  dispute_id: string | null;
  case_leader: { name: string; title: string } | null;
  handover_id: string | null;
  handover_to: string | null;
  handover_to_name: string | null;
}

export function toItem(r: AssignmentRow): AssignmentItem {
  return {
    id: r.id,
    grievanceId: r.grievance_id,
    trackingCode: r.tracking_code,
    role: r.role,
    orgCode: r.org_code,
    orgName: r.org_name,
    regionCode: r.region_code,
    status: r.status,
    ruleId: r.rule_id,
    ruleVersion: r.rule_version,
    returnDeadlineAt: r.return_deadline_at.toISOString(),
    acceptedAt: r.accepted_at?.toISOString() ?? null,
    bindingDecisionId: r.binding_decision_id,
    pendingHandover: r.handover_id && r.handover_to && r.handover_to_name ? { handoverId: r.handover_id, toOrgCode: r.handover_to, toOrgName: r.handover_to_name } : null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export const HANDOVER_COLUMNS = `h.id, h.assignment_id, h.grievance_id, a.tracking_code, h.from_org_code, h.to_org_code, h.to_org_name, h.reason, h.status,
  h.requested_at, h.decided_at, h.decline_reason, h.new_assignment_id`;

export interface HandoverRow {
  id: string;
  assignment_id: string;
  grievance_id: string;
  tracking_code: string;
  from_org_code: string;
  to_org_code: string;
  to_org_name: string;
  reason: string;
  status: HandoverView['status'];
  requested_at: Date;
  decided_at: Date | null;
  decline_reason: string | null;
  new_assignment_id: string | null;
}

export function toHandover(r: HandoverRow): HandoverView {
  return {
    id: r.id,
    assignmentId: r.assignment_id,
    grievanceId: r.grievance_id,
    trackingCode: r.tracking_code,
    fromOrgCode: r.from_org_code,
    toOrgCode: r.to_org_code,
    toOrgName: r.to_org_name,
    reason: r.reason,
    status: r.status,
    requestedAt: r.requested_at.toISOString(),
    decidedAt: r.decided_at?.toISOString() ?? null,
    declineReason: r.decline_reason,
    newAssignmentId: r.new_assignment_id,
  };
}

export interface DisputeRow {
  id: string;
  grievance_id: string;
  tracking_code: string;
  status: DisputeView['status'];
  basis: DisputeView['basis'];
  escalated_to_org_code: string;
  escalated_to_org_name: string;
  opened_at: Date;
  decision: DisputeView['decision'];
  decided_at: Date | null;
}

export function toDispute(d: DisputeRow, disputants: DisputeView['disputants']): DisputeView {
  return {
    id: d.id,
    grievanceId: d.grievance_id,
    trackingCode: d.tracking_code,
    status: d.status,
    basis: d.basis,
    escalatedToOrgCode: d.escalated_to_org_code,
    escalatedToOrgName: d.escalated_to_org_name,
    disputants,
    openedAt: d.opened_at.toISOString(),
    decision: d.decision,
  };
}
