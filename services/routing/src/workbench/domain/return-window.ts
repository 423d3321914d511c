import schedule from 'chinese-days/dist/chinese-days.json';

/** 信访工作条例 第二十三条: a misrouted matter is objected to within 5 working days. */
export const RETURN_WINDOW_WORKING_DAYS = 5;

/** China keeps one offset all year (no daylight saving). */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/** Whether a Beijing civil date ('YYYY-MM-DD') is a working day. */
export type IsWorkday = (isoDate: string) => boolean;

interface Schedule {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** Injection token: this jurisdiction's working days for the return window. */
export const RETURN_CALENDAR = Symbol('RETURN_CALENDAR');

/**
 * The working days routing counts the return window in: the State Council's holidays and 调休
 * make-up days as the `chinese-days` package ships them, otherwise Monday to Friday, corrected
 * by the jurisdiction's own days off and make-up days. Supervision owns the full calendar and its
 * clocks; routing keeps only this estimate, stored on each assignment as `return_deadline_at`,
 * so a unit sees its window without a call to another service.
 */
export function workdayCalendar(extra: { holidays?: readonly string[]; workdays?: readonly string[] } = {}, data: Schedule = schedule): IsWorkday {
  const offs = new Set(extra.holidays ?? []);
  const ons = new Set(extra.workdays ?? []);
  return (iso) => {
    if (ons.has(iso)) return true;
    if (offs.has(iso)) return false;
    if (data.workdays[iso] !== undefined) return true;
    if (data.holidays[iso] !== undefined) return false;
    const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  };
}

/**
 * The end of the return window: the day of assignment is not counted (民法典 第二百零一条), the
 * period ends at 24:00 Beijing time of its last working day (第二百零三条).
 */
export function returnDeadline(assignedAt: Date, isWorkday: IsWorkday, days = RETURN_WINDOW_WORKING_DAYS): Date {
  if (!Number.isFinite(assignedAt.getTime())) throw new RangeError('assignedAt is not a date');
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be a positive integer, got ${days}`);
  let localMidnight = Math.floor((assignedAt.getTime() + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS;
  for (let counted = 0; counted < days; ) {
    localMidnight += DAY_MS;
    if (isWorkday(new Date(localMidnight).toISOString().slice(0, 10))) counted += 1;
  }
  return new Date(localMidnight + DAY_MS - CHINA_OFFSET_MS);
}
