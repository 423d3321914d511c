import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Assignment } from '../assignment/assignment.entity';
import type { Actor, AssignmentState, AssignmentStatus } from './domain/assignment-machine';
import { notFound } from './workbench-errors';

/** Advisory-lock class of routing's per-grievance locks (any int4 no other lock of ours uses). */
const GRIEVANCE_LOCK_CLASS = 330_621;

export interface ActivityInput {
  kind: string;
  by: Pick<Actor, 'userId' | 'orgCode'> | null;
  detail?: Record<string, unknown>;
}

/**
 * Assignment rows under lock. Every workbench command first takes its grievance's lock, so
 * commands on one grievance (a return and a reassignment, a contribution and the reply) run one
 * after the other and each reads what the one before committed; then it locks the rows it
 * changes with SELECT … FOR UPDATE.
 */
@Injectable()
export class AssignmentStore {
  async lockGrievance(tx: EntityManager, grievanceId: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [GRIEVANCE_LOCK_CLASS, grievanceId]);
  }

  /** Locks the grievance, then the assignment row; NOT_FOUND when there is none. */
  async lock(tx: EntityManager, assignmentId: string): Promise<Assignment> {
    const rows: { grievance_id: string }[] = await tx.query('SELECT grievance_id FROM assignment WHERE id = $1', [assignmentId]);
    if (!rows[0]) throw notFound('交办事项', assignmentId, 'assignmentId');
    await this.lockGrievance(tx, rows[0].grievance_id);
    return (await tx.getRepository(Assignment).findOne({ where: { id: assignmentId }, lock: { mode: 'pessimistic_write' } })) as Assignment;
  }

  /** Every assignment of a grievance, oldest first, locked. The grievance lock must be held. */
  async allOf(tx: EntityManager, grievanceId: string): Promise<Assignment[]> {
    return tx.getRepository(Assignment).find({ where: { grievanceId }, order: { createdAt: 'ASC', id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
  }

  async pendingHandoverTo(tx: EntityManager, assignmentId: string): Promise<string | null> {
    const rows: { to_org_code: string }[] = await tx.query(`SELECT to_org_code FROM assignment_handover WHERE assignment_id = $1 AND status = 'requested'`, [assignmentId]);
    return rows[0]?.to_org_code ?? null;
  }

  async stateOf(tx: EntityManager, a: Assignment): Promise<AssignmentState> {
    return {
      status: a.status,
      role: a.role,
      orgCode: a.orgCode,
      returnDeadlineAt: a.returnDeadlineAt,
      bindingDecisionId: a.bindingDecisionId,
      pendingHandoverTo: await this.pendingHandoverTo(tx, a.id),
    };
  }

  /** Moves an assignment to its next status; a finished one gets closed_at. */
  async save(tx: EntityManager, a: Assignment, status: AssignmentStatus, now: Date, patch: Partial<Assignment> = {}): Promise<void> {
    const finished = ['replied', 'reassigned', 'handed_over', 'redirected', 'closed'].includes(status);
    const changes: Partial<Assignment> = { ...patch, status, updatedAt: now, ...(finished ? { closedAt: now } : {}) };
    await tx.update(Assignment, { id: a.id }, changes);
    Object.assign(a, changes);
  }

  /** Withdraws a handover nobody answered when the assignment ends otherwise. */
  async dropPendingHandover(tx: EntityManager, assignmentId: string, why: string, now: Date): Promise<void> {
    await tx.query(
      `UPDATE assignment_handover SET status = 'declined', decided_at = $2, decided_by = 'system', decline_reason = $3 WHERE assignment_id = $1 AND status = 'requested'`,
      [assignmentId, now, why],
    );
  }

  async record(tx: EntityManager, assignmentId: string, at: Date, a: ActivityInput): Promise<void> {
    await tx.query('INSERT INTO assignment_activity (id, assignment_id, kind, actor_user_id, actor_org_code, at, detail) VALUES ($1,$2,$3,$4,$5,$6,$7)', [
      randomUUID(),
      assignmentId,
      a.kind,
      a.by?.userId ?? null,
      a.by?.orgCode ?? null,
      at,
      JSON.stringify(a.detail ?? {}),
    ]);
  }
}
