import { dayToIso, isIsoDate, isoToDay, weekdayOf, type ChineseDaysSource } from '@yikouban/calendar';
import { MAX_CALENDAR_RANGE_DAYS, type CalendarDayView } from '@yikouban/contracts';
import { AdministrationError } from './administration.errors';
import type { StoredOverride } from './active-rules';

/** The years the calendar serves: the national data starts in 2004, and nothing plans a century ahead. */
export const FIRST_YEAR = 2004;
export const LAST_YEAR = 2100;

/** A real date within the years served, or a refusal naming the field. */
export function requireDate(value: string, field: string): number {
  const year = Number(value.slice(0, 4));
  if (!isIsoDate(value) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new AdministrationError('invalid_date', `不是有效日期（${FIRST_YEAR}–${LAST_YEAR}年）/ not a real date between ${FIRST_YEAR} and ${LAST_YEAR}: ${value}`, field);
  }
  return isoToDay(value);
}

/** The days of [from, to], at most a year of them. */
export function dateRange(from: string, to: string): string[] {
  const first = requireDate(from, 'from');
  const last = requireDate(to, 'to');
  if (last < first) throw new AdministrationError('invalid_range', '结束日期早于开始日期 / to is before from', 'to');
  if (last - first + 1 > MAX_CALENDAR_RANGE_DAYS) {
    throw new AdministrationError('invalid_range', `一次最多查询${MAX_CALENDAR_RANGE_DAYS}天 / at most ${MAX_CALENDAR_RANGE_DAYS} days at once`, 'to');
  }
  return Array.from({ length: last - first + 1 }, (_, i) => dayToIso(first + i));
}

/**
 * Each day of the range with whether it is a working day and why: an override of the jurisdiction
 * (or of one above it) first, else the national schedule — a holiday by name, a 调休 make-up
 * working day on a weekend, or an ordinary weekday or weekend.
 */
export function describeDays(source: ChineseDaysSource, overrides: readonly StoredOverride[], dates: readonly string[]): CalendarDayView[] {
  const byDate = new Map(overrides.map((o) => [o.date, o]));
  return dates.map((date) => {
    const o = byDate.get(date);
    if (o) {
      return { date, workday: o.kind === 'workday', reason: o.kind === 'workday' ? 'override_workday' : 'override_holiday', holidayName: source.occasionOf(date) ?? null, note: o.reason, overrideJurisdiction: o.jurisdiction };
    }
    const workday = source.isOfficialWorkday(date);
    const weekend = [0, 6].includes(weekdayOf(isoToDay(date)));
    const holidayName = source.occasionOf(date) ?? null;
    const reason = workday ? (weekend ? 'make_up_workday' : 'weekday') : holidayName ? 'national_holiday' : 'weekend';
    return { date, workday, reason, holidayName, note: null, overrideJurisdiction: null };
  });
}
