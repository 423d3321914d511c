import type { BulletinKind } from '@yikouban/contracts';
import { addDays } from '../early-warning/civil-days';
import { beijingDay } from '../indicators/indicator-math';

/** A bulletin's period: Beijing dates, both ends included. */
export interface BulletinPeriod {
  start: string;
  end: string;
}

const lastOfMonth = (day: string) => addDays(`${addDays(`${day.slice(0, 7)}-28`, 4).slice(0, 7)}-01`, -1);
/** 0 = Monday … 6 = Sunday: the county's week starts on Monday. */
const weekday = (day: string) => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;

/** The period of `kind` that holds `day`. */
export function periodContaining(kind: BulletinKind, day: string): BulletinPeriod {
  switch (kind) {
    case 'daily':
      return { start: day, end: day };
    case 'weekly': {
      const start = addDays(day, -weekday(day));
      return { start, end: addDays(start, 6) };
    }
    case 'half_monthly':
      return Number(day.slice(8)) <= 15 ? { start: `${day.slice(0, 8)}01`, end: `${day.slice(0, 8)}15` } : { start: `${day.slice(0, 8)}16`, end: lastOfMonth(day) };
    case 'monthly':
      return { start: `${day.slice(0, 8)}01`, end: lastOfMonth(day) };
  }
}

/** Why `start` cannot begin a period of `kind` (a message), or null with the period when it can. */
export function periodStartingOn(kind: BulletinKind, start: string): { period: BulletinPeriod } | { problem: string } {
  if (addDays(start, 0) !== start) return { problem: `periodStart 不是有效日期 / not a calendar date: ${start}` };
  const period = periodContaining(kind, start);
  if (period.start !== start) {
    const rule = { daily: '', weekly: '周一 / a Monday', half_monthly: '1日或16日 / the 1st or the 16th', monthly: '1日 / the 1st' }[kind];
    return { problem: `periodStart 应为${rule} / a ${kind} period starts on ${rule.split(' / ')[1]}` };
  }
  return { period };
}

/** A period is complete once its last Beijing day is over. */
export function isComplete(period: BulletinPeriod, now: Date): boolean {
  return beijingDay(now) > period.end;
}

/** The most recent period of `kind` that is complete at `now` (what the schedule publishes). */
export function lastCompletedPeriod(kind: BulletinKind, now: Date): BulletinPeriod {
  const yesterday = addDays(beijingDay(now), -1);
  const p = periodContaining(kind, yesterday);
  return p.end <= yesterday ? p : periodContaining(kind, addDays(p.start, -1));
}
