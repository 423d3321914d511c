import { CalendarError } from './calendar.errors';

/**
 * Civil days in Beijing time. Asia/Shanghai has been UTC+8 without daylight saving since 1991, so
 * the offset is plain arithmetic and nothing here reads the machine's time zone. A day is carried
 * as its day number: whole days since 1970-01-01 in Beijing.
 */
export const BEIJING_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The Beijing day that contains the instant. */
export function dayOfInstant(instant: Date): number {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new CalendarError('invalid_date', 'Invalid instant / 无效的时间');
  return Math.floor((ms + BEIJING_OFFSET_MS) / DAY_MS);
}

/** 00:00 Beijing time of the day. */
export function startOfDay(day: number): Date {
  return new Date(day * DAY_MS - BEIJING_OFFSET_MS);
}

/** 24:00 Beijing time of the day, which is the same instant as 00:00 of the next day. */
export function endOfDay(day: number): Date {
  return startOfDay(day + 1);
}

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

export function isoToDay(iso: string): number {
  if (!isIsoDate(iso)) throw new CalendarError('invalid_date', `Not a date (YYYY-MM-DD) / 日期格式错误: ${iso}`);
  const [y, mo, d] = iso.split('-').map(Number);
  return Date.UTC(y, mo - 1, d) / DAY_MS;
}

export function dayToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** A civil day given as 'YYYY-MM-DD', or the Beijing day of an instant. */
export type DateLike = string | Date;

export function toDay(date: DateLike): number {
  return typeof date === 'string' ? isoToDay(date) : dayOfInstant(date);
}
