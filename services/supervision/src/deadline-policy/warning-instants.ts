import type { WorkingCalendar } from '@yikouban/calendar';
import type { DeadlinePolicy } from './deadline-policy.types';

const HOUR_MS = 3_600_000;

/**
 * When to warn: at each share in warnAt of the policy's own time between start and deadline.
 * - natural days and hours: wall-clock time;
 * - working days: working-day time — the clock stops on rest days and holidays, so "80 % of 5
 *   working days" is 80 % of the working days' time, and no warning falls inside a holiday;
 * - working hours: office hours, so warnings fall inside office hours.
 * A share of 1.0 is the deadline itself. Shares outside (0, 1] are ignored; the result is sorted.
 * Needs the calendar (beyond the three arguments) to measure working time.
 */
export function warningInstants(policy: DeadlinePolicy, startedAt: Date, dueAt: Date, calendar: WorkingCalendar): Date[] {
  const shares = [...new Set(policy.warnAt)].filter((s) => s > 0 && s <= 1).sort((a, b) => a - b);
  if (dueAt.getTime() <= startedAt.getTime()) return shares.map(() => new Date(dueAt.getTime()));
  const at = instantAtShare(policy, startedAt, dueAt, calendar);
  return shares.map((s) => (s >= 1 ? new Date(dueAt.getTime()) : at(s)));
}

function instantAtShare(policy: DeadlinePolicy, startedAt: Date, dueAt: Date, calendar: WorkingCalendar): (share: number) => Date {
  switch (policy.unit) {
    case 'natural_days':
    case 'hours': {
      const span = dueAt.getTime() - startedAt.getTime();
      return (s) => new Date(startedAt.getTime() + Math.round(span * s));
    }
    case 'working_days': {
      const total = calendar.workdayTimeBetween(startedAt, dueAt);
      return (s) => calendar.addWorkdayTime(startedAt, Math.round(total * s));
    }
    case 'working_hours': {
      const total = calendar.workingHoursBetween(startedAt, dueAt);
      return (s) => calendar.addWorkingHours(startedAt, Math.round(total * s * HOUR_MS) / HOUR_MS);
    }
  }
}
