import { CalendarError } from './calendar.errors';
import { DAY_MS, dayOfInstant, startOfDay } from './civil-day';
import type { WorkingHours } from './calendar.types';

/**
 * Time that runs only inside windows of working days. One routine serves two clocks: office
 * hours (working-hour deadlines) and whole working days 00:00–24:00 (shares of working-day
 * deadlines). Windows are minute offsets from 00:00 Beijing time, sorted and disjoint.
 */
export type Window = readonly [startMin: number, endMin: number];

export const WHOLE_DAY: readonly Window[] = [[0, 24 * 60]];

/** A working day in a year of non-working days means the data is broken, not a long holiday. */
export const MAX_NON_WORKING_RUN = 366;

const CLOCK = /^(\d{2}):(\d{2})$/;

function minutes(clock: string): number {
  const m = CLOCK.exec(clock);
  const total = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!m || Number(m[2]) > 59 || total > 24 * 60) {
    throw new CalendarError('invalid_working_hours', `Not a time (HH:MM) / 时间格式错误: ${clock}`);
  }
  return total;
}

export function windowsOf(hours: WorkingHours): Window[] {
  const bounds = [...hours.morning, ...hours.afternoon].map(minutes);
  for (let i = 1; i < bounds.length; i++) {
    const strictlyInside = i % 2 === 1;
    if (strictlyInside ? bounds[i] <= bounds[i - 1] : bounds[i] < bounds[i - 1]) {
      throw new CalendarError('invalid_working_hours', '上午、下午工作时间须按先后顺序且不重叠 / Working hours must be ordered and not overlap');
    }
  }
  return [
    [bounds[0], bounds[1]],
    [bounds[2], bounds[3]],
  ];
}

/**
 * The earliest instant at which `ms` of window time has run since `from`. With ms = 0 that is
 * `from` itself, and a span that exactly uses up a window ends at the window's end, not at the
 * start of the next one.
 */
export function addWindowTime(isWorkday: (day: number) => boolean, windows: readonly Window[], from: Date, ms: number): Date {
  let remaining = ms;
  if (remaining === 0) return new Date(from.getTime());
  let cursor = from.getTime();
  let idle = 0;
  for (let day = dayOfInstant(from); ; day++) {
    if (!isWorkday(day)) {
      if (++idle > MAX_NON_WORKING_RUN) throw new CalendarError('no_workday', 'No working day within a year / 一年内没有工作日');
      continue;
    }
    idle = 0;
    const base = startOfDay(day).getTime();
    for (const [s, e] of windows) {
      const open = Math.max(base + s * 60_000, cursor);
      const close = base + e * 60_000;
      if (open >= close) continue;
      if (remaining <= close - open) return new Date(open + remaining);
      remaining -= close - open;
    }
    cursor = base + DAY_MS;
  }
}

/** Window time in [a, b] in milliseconds; 0 when b is not after a. */
export function windowTimeBetween(isWorkday: (day: number) => boolean, windows: readonly Window[], a: Date, b: Date): number {
  const from = a.getTime();
  const to = b.getTime();
  let total = 0;
  for (let day = dayOfInstant(a); from < to && startOfDay(day).getTime() < to; day++) {
    if (!isWorkday(day)) continue;
    const base = startOfDay(day).getTime();
    for (const [s, e] of windows) {
      const open = Math.max(base + s * 60_000, from);
      const close = Math.min(base + e * 60_000, to);
      if (close > open) total += close - open;
    }
  }
  return total;
}
