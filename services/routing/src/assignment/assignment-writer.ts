import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AssignmentCreated } from '@yikouban/contracts';
import { appendToOutbox } from '@yikouban/messaging';
import { Assignment } from './assignment.entity';

export interface NewAssignment {
  grievanceId: string;
  trackingCode: string;
  role: 'lead' | 'co';
  orgCode: string;
  orgName: string;
  regionCode: string;
  ruleId: string;
  ruleVersion: number;
  returnDeadlineAt: Date;
  status?: 'created' | 'accepted';
  replacesAssignmentId?: string;
  bindingDecisionId?: string;
}

/** Stores a new assignment and publishes `routing.assignment.created`, in the caller's transaction. */
export async function createAssignment(tx: EntityManager, a: NewAssignment, now: Date): Promise<Assignment> {
  const status = a.status ?? 'created';
  const row: Assignment = {
    id: randomUUID(),
    grievanceId: a.grievanceId,
    trackingCode: a.trackingCode,
    role: a.role,
    orgCode: a.orgCode,
    orgName: a.orgName,
    regionCode: a.regionCode,
    status,
    ruleId: a.ruleId,
    ruleVersion: a.ruleVersion,
    createdAt: now,
    updatedAt: now,
    returnDeadlineAt: a.returnDeadlineAt,
    acceptedAt: status === 'accepted' ? now : null,
    returnedAt: null,
    returnReason: null,
    replacesAssignmentId: a.replacesAssignmentId ?? null,
    disputeId: null,
    bindingDecisionId: a.bindingDecisionId ?? null,
    caseLeader: null,
    closedAt: null,
  };
  await tx.insert(Assignment, row);
  await appendToOutbox(tx, AssignmentCreated, {
    assignmentId: row.id,
    grievanceId: row.grievanceId,
    trackingCode: row.trackingCode,
    role: row.role,
    orgCode: row.orgCode,
    orgName: row.orgName,
    regionCode: row.regionCode,
    ruleId: row.ruleId,
    ruleVersion: row.ruleVersion,
    createdAt: now.toISOString(),
  });
  return row;
}
