import { Injectable, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { AcceptHandover, AssignmentView, DeclineHandover, HandoverView, RequestHandover } from '@yikouban/contracts';
import { OutboxRelay } from '@yikouban/messaging';
import { createAssignment } from '../assignment/assignment-writer';
import { publishAccepted, publishReassigned } from './assignment-facts';
import { AssignmentStore } from './assignment-store';
import { transition } from './domain/assignment-machine';
import { WorkbenchDirectory } from './workbench-directory';
import { applyMachine, refusal } from './workbench-errors';
import { WorkbenchReader } from './workbench-reader';

interface HandoverRow {
  id: string;
  assignment_id: string;
  to_org_code: string;
  to_org_name: string;
  reason: string;
  status: 'requested' | 'accepted' | 'declined';
}

/** Statuses in which a unit holds a grievance: it cannot be given the same grievance twice. */
export const HOLDING = `('created','accepted','in_progress','awaiting_reassignment','disputed')`;

/** Refuses to give a unit a grievance it already holds. */
export async function refuseIfHolding(tx: EntityManager, grievanceId: string, orgCode: string, field: string): Promise<void> {
  const rows: unknown[] = await tx.query(`SELECT 1 FROM assignment WHERE grievance_id = $1 AND org_code = $2 AND status IN ${HOLDING}`, [grievanceId, orgCode]);
  if (rows.length > 0) throw refusal('CONFLICT', 'already_assigned', `${orgCode} 已承办该事项 (already holds this grievance)`, field);
}

/**
 * 首接负责制: the unit that first received a case owns it until another unit accepts it. A
 * request changes nothing but the record; acceptance closes the asking unit's assignment as
 * `handed_over` and gives the receiving unit an assignment it has already accepted.
 */
@Injectable()
export class HandoverService {
  constructor(
    private readonly db: DataSource,
    private readonly store: AssignmentStore,
    private readonly directory: WorkbenchDirectory,
    private readonly reader: WorkbenchReader,
    @Optional() private readonly relay?: OutboxRelay,
  ) {}

  async request(c: RequestHandover): Promise<HandoverView> {
    const actor = await this.directory.actor(c.by);
    const to = await this.directory.organisation(c.toOrgCode, 'toOrgCode');
    const id = randomUUID();
    await this.db.transaction(async (tx) => {
      const a = await this.store.lock(tx, c.assignmentId);
      const now = new Date();
      const state = await this.store.stateOf(tx, a);
      const t = applyMachine(() => transition(state, { type: 'request_handover', by: actor, toOrgCode: to.code }, now));
      await refuseIfHolding(tx, a.grievanceId, to.code, 'toOrgCode');
      await tx.query(
        `INSERT INTO assignment_handover (id, assignment_id, grievance_id, from_org_code, to_org_code, to_org_name, reason, status, requested_by, requested_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,'requested',$8,$9)`,
        [id, a.id, a.grievanceId, a.orgCode, to.code, to.name, c.reason, c.by.userId, now],
      );
      await this.store.save(tx, a, t.to, now);
      await this.store.record(tx, a.id, now, { kind: 'handover_requested', by: c.by, detail: { handoverId: id, toOrgCode: to.code, reason: c.reason } });
    });
    return this.reader.handover(id);
  }

  /** The unit asked takes the case: its new assignment starts accepted. */
  async accept(c: AcceptHandover): Promise<AssignmentView> {
    const actor = await this.directory.actor(c.by);
    const newId = await this.db.transaction(async (tx) => {
      const { a, h } = await this.lockPending(tx, c.handoverId);
      const now = new Date();
      const state = await this.store.stateOf(tx, a);
      const t = applyMachine(() => transition(state, { type: 'accept_handover', by: actor }, now));
      // The unit asked may have been given the grievance some other way since the request.
      await refuseIfHolding(tx, a.grievanceId, h.to_org_code, 'handoverId');
      await this.store.save(tx, a, t.to, now);
      const n = await createAssignment(
        tx,
        {
          grievanceId: a.grievanceId,
          trackingCode: a.trackingCode,
          role: a.role,
          orgCode: h.to_org_code,
          orgName: h.to_org_name,
          regionCode: a.regionCode,
          ruleId: `handover:${h.id}`,
          ruleVersion: a.ruleVersion,
          returnDeadlineAt: this.directory.returnDeadline(now),
          status: 'accepted',
          replacesAssignmentId: a.id,
          ...(a.bindingDecisionId ? { bindingDecisionId: a.bindingDecisionId } : {}),
        },
        now,
      );
      await tx.query(`UPDATE assignment_handover SET status = 'accepted', decided_by = $2, decided_at = $3, new_assignment_id = $4 WHERE id = $1`, [h.id, c.by.userId, now, n.id]);
      await this.store.record(tx, a.id, now, { kind: 'handover_accepted', by: c.by, detail: { handoverId: h.id, newAssignmentId: n.id } });
      await this.store.record(tx, n.id, now, { kind: 'accepted', by: c.by, detail: { handoverId: h.id, fromAssignmentId: a.id } });
      await publishReassigned(tx, a, c.by, now, { cause: 'handover', reason: h.reason, toAssignmentId: n.id, toOrgCode: n.orgCode, toOrgName: n.orgName });
      await publishAccepted(tx, n, c.by, now);
      return n.id;
    });
    this.relay?.kick();
    return this.reader.view(newId);
  }

  /** The unit asked refuses: the asking unit keeps the case. */
  async decline(c: DeclineHandover): Promise<HandoverView> {
    const actor = await this.directory.actor(c.by);
    await this.db.transaction(async (tx) => {
      const { a, h } = await this.lockPending(tx, c.handoverId);
      const now = new Date();
      const state = await this.store.stateOf(tx, a);
      const t = applyMachine(() => transition(state, { type: 'decline_handover', by: actor }, now));
      await tx.query(`UPDATE assignment_handover SET status = 'declined', decided_by = $2, decided_at = $3, decline_reason = $4 WHERE id = $1`, [h.id, c.by.userId, now, c.reason]);
      await this.store.save(tx, a, t.to, now);
      await this.store.record(tx, a.id, now, { kind: 'handover_declined', by: c.by, detail: { handoverId: h.id, reason: c.reason } });
    });
    return this.reader.handover(c.handoverId);
  }

  private async lockPending(tx: EntityManager, handoverId: string) {
    const found: { assignment_id: string }[] = await tx.query('SELECT assignment_id FROM assignment_handover WHERE id = $1', [handoverId]);
    if (!found[0]) throw refusal('NOT_FOUND', 'not_found', `未找到移交申请 ${handoverId} (no such handover)`, 'handoverId');
    const a = await this.store.lock(tx, found[0].assignment_id);
    const rows: HandoverRow[] = await tx.query('SELECT id, assignment_id, to_org_code, to_org_name, reason, status FROM assignment_handover WHERE id = $1 FOR UPDATE', [handoverId]);
    const h = rows[0] as HandoverRow;
    if (h.status !== 'requested') throw refusal('CONFLICT', 'handover_answered', `该移交申请已${h.status === 'accepted' ? '接收' : '拒绝'} (already ${h.status})`, 'handoverId');
    return { a, h };
  }
}
