import type { EntityManager } from 'typeorm';
import type { WorkingCalendar } from '@yikouban/calendar';
import type { DeadlineUnit } from '../deadline-policy';
import { nextAlarm } from './alarm-schedule';
import { Clock } from './clock.entity';
import { activeRules } from '../administration/active-rules';
import { policyOf } from './deadline-planner';

/**
 * The steps whose clock stands still while a petition is in 访调 mediation: the mediation service's
 * own clocks run instead, and the handling unit gets the paused time back when mediation fails.
 */
export const PAUSABLE_STEPS = ['handling'];

/**
 * The due date after a pause from `pausedAt` to `resumedAt`: later by the paused time, counted the way
 * the policy counts — working-day time for working-day policies (a pause over a weekend or holiday
 * gives back only the working days in it), office hours for working-hour ones, wall time otherwise.
 * `cal` is the clock's jurisdiction's calendar (its override days count).
 */
export function dueAfterPause(dueAt: Date, pausedAt: Date, resumedAt: Date, unit: DeadlineUnit | undefined, cal: WorkingCalendar): Date {
  if (resumedAt.getTime() <= pausedAt.getTime()) return dueAt;
  switch (unit) {
    case 'working_days':
      return cal.addWorkdayTime(dueAt, cal.workdayTimeBetween(pausedAt, resumedAt));
    case 'working_hours':
      return cal.addWorkingHours(dueAt, cal.workingHoursBetween(pausedAt, resumedAt));
    default:
      return new Date(dueAt.getTime() + (resumedAt.getTime() - pausedAt.getTime()));
  }
}

/** When the clock was last paused, from its change log. */
export function pausedSince(c: Pick<Clock, 'history'>): Date | null {
  const last = [...c.history].reverse().find((h) => h.change === 'paused');
  return last ? new Date(last.at) : null;
}

async function lockedClocks(tx: EntityManager, grievanceId: string, states: Clock['state'][]): Promise<Clock[]> {
  return tx.getRepository(Clock).createQueryBuilder('c')
    .where('c.grievance_id = :g AND c.step IN (:...steps) AND c.state IN (:...states)', { g: grievanceId, steps: PAUSABLE_STEPS, states })
    .setLock('pessimistic_write').getMany();
}

/** Pauses the grievance's handling clocks: no warning or breach fires while they stand still. */
export async function pauseClocks(tx: EntityManager, grievanceId: string, at: Date, cause: string): Promise<number> {
  const clocks = await lockedClocks(tx, grievanceId, ['running', 'breached']);
  for (const c of clocks) {
    await tx.update(Clock, { id: c.id }, { state: 'paused', nextAlarmAt: null, history: [...c.history, { at: at.toISOString(), change: 'paused', cause }] });
  }
  return clocks.length;
}

/**
 * Resumes the grievance's paused handling clocks: the due date moves later by the paused time and the
 * next warning or escalation step is planned again from it (one already due fires at the next sweep).
 */
export async function resumeClocks(tx: EntityManager, grievanceId: string, at: Date, cause: string): Promise<Clock[]> {
  const clocks = await lockedClocks(tx, grievanceId, ['paused']);
  const resumed: Clock[] = [];
  for (const c of clocks) {
    const dueAt = dueAfterPause(c.dueAt, pausedSince(c) ?? at, at, policyOf(c.policyCode, c.startedAt)?.unit, activeRules.calendarFor(c.regionCode));
    const state: Clock['state'] = c.escalationLevel > 0 ? 'breached' : 'running';
    const history = [...c.history, { at: at.toISOString(), change: 'resumed' as const, cause: `${cause}; due ${c.dueAt.toISOString()} → ${dueAt.toISOString()}` }];
    const after: Clock = { ...c, dueAt, state, history };
    after.nextAlarmAt = nextAlarm(after)?.at ?? null;
    await tx.update(Clock, { id: c.id }, { dueAt, state, history, nextAlarmAt: after.nextAlarmAt });
    resumed.push(after);
  }
  return resumed;
}
