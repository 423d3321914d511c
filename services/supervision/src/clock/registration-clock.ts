import type { EntityManager } from 'typeorm';
import { Clock } from './clock.entity';
import { startClockIfAbsent, stopClock } from './clock-writer';
import { planRegistrationClock, REGISTRATION_STEP, type GrievanceProfile } from './deadline-planner';

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
 * supervised_case row lock (tallyReceived takes it) and pass the grievance's profile as the receipt
 * left it. The first receipt wins: an equivalent fact later finds the clock and changes nothing.
 *
 * Not announced (no clock.started): intake's timeline shows the citizen the handling deadline only
 * ("deadline set" is when the answer is due) and drops other steps; a registration due date would
 * be superseded within moments by the assignment in nearly every case. Staff see the clock in the
 * case's deadlines and on the overdue board, which read supervision directly.
 */
export async function startRegistrationClock(
  tx: EntityManager,
  receipt: { grievanceId: string; regionCode: string; receivedAt: Date; profile: Omit<GrievanceProfile, 'regionCode'> },
  cause: string,
  /** The decision the case row held when the caller locked it (tallyReceived answers it); read here when left out. */
  decided?: { at: Date; cause: string } | null,
): Promise<void> {
  const { grievanceId, regionCode, receivedAt, profile } = receipt;
  const planned = planRegistrationClock({ ...profile, regionCode }, receivedAt);
  if (!planned) return;
  const started = await startClockIfAbsent(tx, { grievanceId, subjectId: grievanceId, startedAt: receivedAt, regionCode, cause, announce: false, ...planned });
  if (!started) return;
  const decision = decided !== undefined ? decided : await readDecision(tx, grievanceId);
  if (decision) await stopClockAtDecision(tx, started, decision.at, decision.cause);
}

async function readDecision(tx: EntityManager, grievanceId: string): Promise<{ at: Date; cause: string } | null> {
  const [decided] = (await tx.query(
    'SELECT registration_decided_at, registration_decision FROM supervised_case WHERE grievance_id = $1 AND registration_decided_at IS NOT NULL',
    [grievanceId],
  )) as { registration_decided_at: Date; registration_decision: string }[];
  return decided ? { at: decided.registration_decided_at, cause: decided.registration_decision } : null;
}

/**
 * A decision that ends registration: kept on the case row (the first one stays; the row lock is
 * taken here) and the registration clock, if it is counting, stops with its cause.
 */
export async function registrationDecided(tx: EntityManager, grievanceId: string, at: Date, cause: string): Promise<void> {
  await tx.query(
    `INSERT INTO supervised_case (grievance_id, registration_decided_at, registration_decision) VALUES ($1, $2, $3)
     ON CONFLICT (grievance_id) DO UPDATE SET registration_decided_at = COALESCE(supervised_case.registration_decided_at, EXCLUDED.registration_decided_at),
       registration_decision = COALESCE(supervised_case.registration_decision, EXCLUDED.registration_decision)`,
    [grievanceId, at, cause],
  );
  await stopRegistration(tx, grievanceId, at, cause);
}

async function stopRegistration(tx: EntityManager, grievanceId: string, at: Date, cause: string): Promise<void> {
  const clock = await tx.getRepository(Clock).findOne({ where: { subjectId: grievanceId, step: REGISTRATION_STEP }, lock: { mode: 'pessimistic_write' } });
  if (clock) await stopClockAtDecision(tx, clock, at, cause);
}

/**
 * registrationDecided for a caller that has kept the decision on the case row already (in its own
 * update, under the row lock: tallyLeadAssigned) and read the grievance's clocks under their lock:
 * the registration clock among them, if it is counting, stops with the cause.
 */
export async function stopRegistrationAmong(tx: EntityManager, grievanceId: string, clocks: Clock[], at: Date, cause: string): Promise<void> {
  const clock = clocks.find((c) => c.subjectId === grievanceId && c.step === REGISTRATION_STEP);
  if (clock) await stopClockAtDecision(tx, clock, at, cause);
}

async function stopClockAtDecision(tx: EntityManager, clock: Pick<Clock, 'id' | 'history' | 'state' | 'startedAt'>, at: Date, cause: string): Promise<void> {
  if (clock.state === 'stopped') return;
  // Two services' clocks may stamp the decision before the receipt: it stops at its start, never before.
  const when = at.getTime() < clock.startedAt.getTime() ? clock.startedAt : at;
  await stopClock(tx, clock, when, cause);
}
