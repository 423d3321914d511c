/** China keeps one offset all year (no daylight saving). */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/**
 * An estimate of the end of a period of `days` working days from `start`, China time: the
 * starting day is not counted, Saturdays and Sundays are skipped, the period ends at 24:00 of
 * its last working day. Holidays and 调休 make-up days need the administrator's calendar, which
 * the supervision service owns; it recomputes the deadline from the same start, amount and unit.
 */
export function workingDaysEndEstimate(start: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a non-negative integer, got ${days}`);
  let localMidnight = Math.floor((start.getTime() + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS;
  for (let counted = 0; counted < days; ) {
    localMidnight += DAY_MS;
    const weekday = new Date(localMidnight).getUTCDay();
    if (weekday !== 0 && weekday !== 6) counted += 1;
  }
  return new Date(localMidnight + DAY_MS - CHINA_OFFSET_MS);
}
