import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ClockStarted } from '@yikouban/contracts';
import { appendToOutbox } from '@yikouban/messaging';
import { nextAlarm } from './alarm-schedule';
import { Clock, type ClockChange } from './clock.entity';

export interface NewClock {
  grievanceId: string | null;
  subjectId: string;
  step: string;
  policyCode: string;
  startedAt: Date;
  dueAt: Date;
  warnShares: number[];
  cause: string;
  /** The jurisdiction whose calendar the clock counts on; when left out, the grievance's region as supervision knows it. */
  regionCode?: string | null;
  /** Started on its own event because the receipt was not known yet (only a lead assignment's clocks). */
  awaitingReceipt?: boolean;
  /** Publish clock.started (default). Off for clocks no consumer shows (see registration-clock.ts). */
  announce?: boolean;
}

/** The grievance's region from its profile (intake's fact), if it has come. */
export async function profileRegion(tx: EntityManager, grievanceId: string | null): Promise<string | null> {
  if (!grievanceId) return null;
  const [p] = (await tx.query('SELECT region_code FROM grievance_profile WHERE grievance_id = $1', [grievanceId])) as { region_code: string | null }[];
  return p?.region_code ?? null;
}

/**
 * Starts a clock (or moves it, when the same subject and step is set again, e.g. an extension)
 * and publishes clock.started when it belongs to a grievance.
 */
export async function startClock(tx: EntityManager, c: NewClock): Promise<Clock> {
  const existing = await tx.getRepository(Clock).findOne({ where: { subjectId: c.subjectId, step: c.step }, lock: { mode: 'pessimistic_write' } });
  const change: ClockChange = { at: c.startedAt.toISOString(), change: existing ? 'extended' : 'started', cause: c.cause };
  const clock: Clock = {
    id: existing?.id ?? randomUUID(),
    grievanceId: c.grievanceId,
    subjectId: c.subjectId,
    step: c.step,
    policyCode: c.policyCode,
    state: 'running',
    startedAt: existing?.startedAt ?? c.startedAt,
    dueAt: c.dueAt,
    history: [...(existing?.history ?? []), change],
    warnShares: c.warnShares,
    warningsSent: 0,
    escalationLevel: 0,
    nextAlarmAt: null,
    regionCode: c.regionCode !== undefined ? c.regionCode : (existing?.regionCode ?? (await profileRegion(tx, c.grievanceId))),
    awaitingReceipt: c.awaitingReceipt ?? existing?.awaitingReceipt ?? false,
    stoppedAt: null,
  };
  clock.nextAlarmAt = nextAlarm(clock)?.at ?? null;
  await tx.save(Clock, clock);
  if (c.announce ?? true) await announceClock(tx, clock);
  return clock;
}

/** Publishes clock.started (its start and due as they now stand) for a grievance's clock: intake shows the citizen the due date. */
export async function announceClock(tx: EntityManager, clock: Pick<Clock, 'id' | 'grievanceId' | 'policyCode' | 'step' | 'startedAt' | 'dueAt'>): Promise<void> {
  if (!clock.grievanceId) return;
  await appendToOutbox(tx, ClockStarted, {
    clockId: clock.id,
    grievanceId: clock.grievanceId,
    policyCode: clock.policyCode,
    step: clock.step,
    startedAt: clock.startedAt.toISOString(),
    dueAt: clock.dueAt.toISOString(),
  });
}

/** Stops the open clocks of a subject (all steps, or the ones named), recording the cause. */
export async function stopClocks(tx: EntityManager, where: { subjectId?: string; grievanceId?: string; steps?: string[] }, at: Date, cause: string): Promise<number> {
  const qb = tx.getRepository(Clock).createQueryBuilder('c').where(`c.state <> 'stopped'`).setLock('pessimistic_write');
  if (where.subjectId) qb.andWhere('c.subject_id = :s', { s: where.subjectId });
  if (where.grievanceId) qb.andWhere('c.grievance_id = :g', { g: where.grievanceId });
  if (where.steps) qb.andWhere('c.step IN (:...steps)', { steps: where.steps });
  const open = await qb.getMany();
  for (const c of open) {
    await tx.update(Clock, { id: c.id }, { state: 'stopped', stoppedAt: at, nextAlarmAt: null, history: [...c.history, { at: at.toISOString(), change: 'stopped', cause }] });
  }
  return open.length;
}
