import type { EntityManager } from 'typeorm';
import type { Complexity } from '@yikouban/contracts';
import { Clock } from './clock.entity';
import { startClock, stopClocks } from './clock-writer';
import { planRegistrationClock, REGISTRATION_STEP } from './deadline-planner';

/*
 * 第二十二条: a grievance is registered, then transferred or assigned (登记并转送、交办) within 15
 * days of receipt. The clock runs from intake's receipt until a decision about where the grievance
 * goes: routing's (a lead assignment, a diversion to 110 / 政法 / 纪检, a progress report for a
 * repeat without new facts) or intake's (merged as a duplicate, withdrawn). A redirect to a
 * statutory body (routing.grievance.redirected) or a move to another unit or level always acts on a
 * lead assignment, whose own fact has ended registration already. The clock's subject is the
 * grievance itself.
 *
 * The facts come from different streams in any order. A decision is kept on the case row
 * (supervised_case), and both sides hold that row's lock while they look at the other's work:
 * either the decision finds the clock and stops it, or the receipt finds the decision and starts
 * the clock already stopped. It is never left running for a decision already made.
 */

/**
 * Intake's receipt starts the registration clock. The caller must hold the grievance's
 * supervised_case row lock (tallyReceived takes it). The first receipt wins: an equivalent fact
 * later finds the clock and changes nothing.
 *
 * Not announced (no clock.started): intake's timeline shows the citizen the handling deadline only
 * ("deadline set" is when the answer is due) and drops other steps; a registration due date would
 * be superseded within moments by the assignment in nearly every case. Staff see the clock in the
 * case's deadlines and on the overdue board, which read supervision directly.
 */
export async function startRegistrationClock(tx: EntityManager, receipt: { grievanceId: string; regionCode: string; receivedAt: Date }, cause: string): Promise<void> {
  const { grievanceId, regionCode, receivedAt } = receipt;
  if (await tx.getRepository(Clock).exists({ where: { subjectId: grievanceId, step: REGISTRATION_STEP } })) return;
  const [p] = (await tx.query('SELECT first_time, complexity, statutory_path FROM grievance_profile WHERE grievance_id = $1', [grievanceId])) as {
    first_time: boolean | null; complexity: Complexity | null; statutory_path: string | null;
  }[];
  const planned = planRegistrationClock({ regionCode, firstTime: p?.first_time ?? null, complexity: p?.complexity ?? null, statutoryPath: p?.statutory_path ?? null }, receivedAt);
  if (!planned) return;
  await startClock(tx, { grievanceId, subjectId: grievanceId, startedAt: receivedAt, regionCode, cause, announce: false, ...planned });
  const [decided] = (await tx.query(
    'SELECT registration_decided_at, registration_decision FROM supervised_case WHERE grievance_id = $1 AND registration_decided_at IS NOT NULL',
    [grievanceId],
  )) as { registration_decided_at: Date; registration_decision: string }[];
  if (decided) await stopRegistration(tx, grievanceId, decided.registration_decided_at, decided.registration_decision);
}

/**
 * A decision that ends registration: kept on the case row (the first one stays; the row lock is
 * taken here) and the registration clock, if it is counting, stops with its cause.
 */
export async function registrationDecided(tx: EntityManager, grievanceId: string, at: Date, cause: string): Promise<void> {
  await tx.query('INSERT INTO supervised_case (grievance_id) VALUES ($1) ON CONFLICT DO NOTHING', [grievanceId]);
  await tx.query(
    `UPDATE supervised_case SET registration_decided_at = COALESCE(registration_decided_at, $2), registration_decision = COALESCE(registration_decision, $3)
     WHERE grievance_id = $1`,
    [grievanceId, at, cause],
  );
  await stopRegistration(tx, grievanceId, at, cause);
}

async function stopRegistration(tx: EntityManager, grievanceId: string, at: Date, cause: string): Promise<void> {
  const clock = await tx.getRepository(Clock).findOne({ where: { subjectId: grievanceId, step: REGISTRATION_STEP } });
  if (!clock || clock.state === 'stopped') return;
  // Two services' clocks may stamp the decision before the receipt: it stops at its start, never before.
  const when = at.getTime() < clock.startedAt.getTime() ? clock.startedAt : at;
  await stopClocks(tx, { subjectId: grievanceId, steps: [REGISTRATION_STEP] }, when, cause);
}
