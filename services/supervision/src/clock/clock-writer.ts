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
  const [clock] = await startClocks(tx, [c]);
  return clock;
}

/**
 * startClock for several clocks at once (e.g. an assignment's): the ones already there are read, and
 * locked, together (or passed in `known`, read under their lock by the caller: every clock of those
 * subjects and steps that exists), moved one by one, and the new ones inserted in one statement.
 */
export async function startClocks(tx: EntityManager, cs: NewClock[], known?: Clock[]): Promise<Clock[]> {
  if (cs.length === 0) return [];
  const existing = known ?? (await tx.getRepository(Clock).find({ where: cs.map((c) => ({ subjectId: c.subjectId, step: c.step })), lock: { mode: 'pessimistic_write' } }));
  const started: Clock[] = [];
  for (const c of cs) {
    const was = existing.find((e) => e.subjectId === c.subjectId && e.step === c.step) ?? null;
    const clock = await newClock(tx, c, was);
    // Whether the row exists is known (and locked): save() would read it again first.
    if (was) await tx.update(Clock, { id: clock.id }, clock);
    started.push(clock);
  }
  const inserted = started.filter((clock) => !existing.some((e) => e.id === clock.id));
  if (inserted.length > 0) await tx.insert(Clock, inserted);
  // Announced in the order asked for, once all are written.
  for (const [i, c] of cs.entries()) if (c.announce ?? true) await announceClock(tx, started[i]);
  return started;
}

/** Starts a clock unless the subject already has one for the step (left as it is): null then. */
export async function startClockIfAbsent(tx: EntityManager, c: NewClock): Promise<Clock | null> {
  const clock = await newClock(tx, c, null);
  // One statement: the unique (subject, step) decides, where a read first would take two.
  const inserted = await tx.createQueryBuilder().insert().into(Clock).values(clock).orIgnore().returning(['id']).execute();
  if ((inserted.raw as unknown[]).length === 0) return null;
  if (c.announce ?? true) await announceClock(tx, clock);
  return clock;
}

/** The clock as it runs from `c`: new, or `existing` moved (its start and history kept). */
async function newClock(tx: EntityManager, c: NewClock, existing: Clock | null): Promise<Clock> {
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
  for (const c of open) await stopClock(tx, c, at, cause);
  return open.length;
}

/** Stops one clock read under its row lock and not stopped yet, recording the cause. */
export async function stopClock(tx: EntityManager, c: Pick<Clock, 'id' | 'history'>, at: Date, cause: string): Promise<void> {
  await tx.update(Clock, { id: c.id }, { state: 'stopped', stoppedAt: at, nextAlarmAt: null, history: [...c.history, { at: at.toISOString(), change: 'stopped', cause }] });
}
