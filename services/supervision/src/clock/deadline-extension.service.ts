import { Injectable, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DeadlineExtended,
  type DecideDeadlineExtension,
  type DeadlineExtensionPage,
  type DeadlineExtensionView,
  type ListDeadlineExtensions,
  type RequestDeadlineExtension,
  type SupervisionActor,
} from '@yikouban/contracts';
import { appendToOutbox, OutboxRelay } from '@yikouban/messaging';
import { activeRules } from '../administration/active-rules';
import { keysetPage, type KeysetKey } from '../common/keyset-page';
import { SqlFilter } from '../common/sql-filter';
import { regionPrefix } from '../indicators/indicator-reader';
import { nextAlarm } from './alarm-schedule';
import { Clock } from './clock.entity';
import { policyOf } from './deadline-planner';
import { checkExtensionAsk, ExtensionError, extendedDue } from './extension-rules';

interface ExtensionRow {
  id: string;
  grievance_id: string;
  tracking_code: string | null;
  clock_id: string;
  days: number;
  reason: string;
  status: DeadlineExtensionView['status'];
  requested_by: string;
  requested_org: string | null;
  requested_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  note: string | null;
  previous_due_at: Date;
  new_due_at: Date | null;
}

const toView = (r: ExtensionRow): DeadlineExtensionView => ({
  id: r.id,
  grievanceId: r.grievance_id,
  trackingCode: r.tracking_code,
  clockId: r.clock_id,
  days: r.days,
  reason: r.reason,
  status: r.status,
  requestedBy: r.requested_by,
  requestedOrg: r.requested_org,
  requestedAt: r.requested_at.toISOString(),
  decidedBy: r.decided_by,
  decidedAt: r.decided_at?.toISOString() ?? null,
  note: r.note,
  previousDueAt: r.previous_due_at.toISOString(),
  newDueAt: r.new_due_at?.toISOString() ?? null,
});

/** A request with the case's tracking code and region from supervision's own projections. */
const WITH_CASE = `SELECT e.*, s.tracking_code, COALESCE(NULLIF(s.region_code, ''), p.region_code) AS region_code
  FROM deadline_extension e
  LEFT JOIN supervised_case s ON s.grievance_id = e.grievance_id
  LEFT JOIN grievance_profile p ON p.grievance_id = e.grievance_id`;

const BY_REQUESTED_AT: KeysetKey<ExtensionRow> = { at: 'e.requested_at', id: 'e.id', of: (r) => ({ at: r.requested_at, id: r.id }) };

async function readRequest(tx: EntityManager, id: string): Promise<DeadlineExtensionView> {
  const [row] = (await tx.query(`${WITH_CASE} WHERE e.id = $1`, [id])) as ExtensionRow[];
  return toView(row as ExtensionRow);
}

function staffId(by: SupervisionActor): string {
  if (by.kind !== 'staff' || !by.userId) throw new ExtensionError('staff_only', '只有工作人员可以办理延期 / only staff ask for or decide extensions', 'by');
  return by.userId;
}

/**
 * 延期 (信访工作条例 第三十四条): the handling unit asks with a reason, a supervisor or leader decides.
 * Approval moves the handling clock's due date, logs the change with its cause and approver and
 * tells intake (the petitioner is notified) — all in one transaction with the outbox.
 */
@Injectable()
export class DeadlineExtensions {
  constructor(
    private readonly db: DataSource,
    @Optional() private readonly relay?: OutboxRelay,
  ) {}

  async request(r: RequestDeadlineExtension, now = new Date()): Promise<DeadlineExtensionView> {
    const by = staffId(r.by);
    return this.db.transaction(async (tx) => {
      const clock = await tx.getRepository(Clock).findOne({ where: { grievanceId: r.grievanceId, step: 'handling' }, order: { startedAt: 'DESC' }, lock: { mode: 'pessimistic_write' } });
      if (!clock) throw new ExtensionError('no_handling_clock', '该事项没有办理期限 / the grievance has no handling deadline', 'grievanceId');
      const [counts] = (await tx.query(
        `SELECT count(*) FILTER (WHERE status = 'approved')::int AS approved, count(*) FILTER (WHERE status = 'pending')::int AS pending FROM deadline_extension WHERE clock_id = $1`,
        [clock.id],
      )) as { approved: number; pending: number }[];
      checkExtensionAsk({ days: r.days, policy: policyOf(clock.policyCode, clock.startedAt), state: clock.state, dueAt: clock.dueAt, now, approved: counts.approved, pending: counts.pending > 0 });
      const id = randomUUID();
      await tx.query(
        `INSERT INTO deadline_extension (id, grievance_id, clock_id, days, reason, requested_by, requested_org, requested_at, previous_due_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [id, r.grievanceId, clock.id, r.days, r.reason.trim(), by, r.by.orgCode ?? null, now, clock.dueAt],
      );
      return readRequest(tx, id);
    });
  }

  async decide(d: DecideDeadlineExtension, now = new Date()): Promise<DeadlineExtensionView> {
    const by = staffId(d.by);
    const view = await this.db.transaction(async (tx) => {
      const [req] = (await tx.query('SELECT * FROM deadline_extension WHERE id = $1 FOR UPDATE', [d.requestId])) as ExtensionRow[];
      if (!req) throw new ExtensionError('request_not_found', '没有这份延期申请 / no such extension request', 'requestId');
      if (req.status !== 'pending') throw new ExtensionError('already_decided', `延期申请已${req.status === 'approved' ? '批准' : '驳回'} / the request was already ${req.status}`, 'requestId');
      if (!d.approve) return this.settle(tx, req.id, 'refused', by, now, d.note, null);
      const dueAt = await this.extendClock(tx, req, by, now);
      return this.settle(tx, req.id, 'approved', by, now, d.note, dueAt);
    });
    if (view.status === 'approved') this.relay?.kick();
    return view;
  }

  /** Newest first over (requested_at, id), within the scope the gateway set. */
  async list(q: ListDeadlineExtensions): Promise<DeadlineExtensionPage> {
    const filter = new SqlFilter();
    if (q.status) filter.add('e.status = ?', q.status);
    if (q.orgCode) filter.add('e.requested_org = ?', q.orgCode);
    if (q.regionCode) filter.add(`COALESCE(NULLIF(s.region_code, ''), p.region_code) LIKE ?`, regionPrefix(q.regionCode));
    const page = await keysetPage(filter, q, BY_REQUESTED_AT, async (tail) => (await this.db.query(`${WITH_CASE} ${tail}`, filter.params)) as ExtensionRow[]);
    return { items: page.rows.map((r) => ({ ...toView(r), cursor: page.cursorOf(r) })), nextCursor: page.nextCursor };
  }

  private async settle(tx: EntityManager, id: string, status: 'approved' | 'refused', by: string, now: Date, note: string | undefined, dueAt: Date | null): Promise<DeadlineExtensionView> {
    await tx.query(`UPDATE deadline_extension SET status = $2, decided_by = $3, decided_at = $4, note = $5, new_due_at = $6 WHERE id = $1`, [id, status, by, now, note?.trim() || null, dueAt]);
    return readRequest(tx, id);
  }

  /**
   * Moves the clock. A request made in time lifts a breach that happened while it waited; a paused
   * clock stays paused (its alarms are planned when it resumes).
   */
  private async extendClock(tx: EntityManager, req: ExtensionRow, approvedBy: string, now: Date): Promise<Date> {
    const clock = await tx.getRepository(Clock).findOne({ where: { id: req.clock_id }, lock: { mode: 'pessimistic_write' } });
    if (!clock || clock.state === 'stopped') throw new ExtensionError('clock_stopped', '办理期限已停止计时 / the handling deadline no longer runs', 'requestId');
    const policy = policyOf(clock.policyCode, clock.startedAt);
    const dueAt = extendedDue(clock.dueAt, req.days, policy, activeRules.calendarFor(clock.regionCode));
    const lifted = clock.state === 'breached' && dueAt.getTime() > now.getTime();
    const cause = `extension ${req.id} (+${req.days}d, 第三十四条): ${req.reason} — approved by ${approvedBy}`;
    const after: Clock = {
      ...clock,
      dueAt,
      state: lifted ? 'running' : clock.state,
      escalationLevel: lifted ? 0 : clock.escalationLevel,
      history: [...clock.history, { at: now.toISOString(), change: 'extended', cause }],
    };
    after.nextAlarmAt = after.state === 'paused' ? null : (nextAlarm(after)?.at ?? null);
    await tx.update(Clock, { id: clock.id }, { dueAt, state: after.state, escalationLevel: after.escalationLevel, history: after.history, nextAlarmAt: after.nextAlarmAt });
    await appendToOutbox(tx, DeadlineExtended, {
      clockId: clock.id,
      grievanceId: req.grievance_id,
      requestId: req.id,
      step: clock.step,
      policyCode: clock.policyCode,
      days: req.days,
      reason: req.reason,
      approvedBy,
      previousDueAt: clock.dueAt.toISOString(),
      dueAt: dueAt.toISOString(),
      at: now.toISOString(),
    });
    return dueAt;
  }
}
