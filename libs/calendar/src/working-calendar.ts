import { CalendarError } from './calendar.errors';
import { dayOfInstant, dayToIso, endOfDay, isoToDay, toDay, yearOf, DAY_MS, type DateLike } from './civil-day';
import { DEFAULT_WORKING_HOURS, type CalendarOverride, type CalendarSource, type DayStatus, type WorkingHours } from './calendar.types';
import { addWindowTime, MAX_NON_WORKING_RUN, WHOLE_DAY, windowsOf, windowTimeBetween } from './working-windows';

const HOUR_MS = 3_600_000;

function wholeCount(n: number, what: string): number {
  if (!Number.isInteger(n) || n < 0) throw new CalendarError('invalid_amount', `${what} must be a whole number ≥ 0 / 须为非负整数: ${n}`);
  return n;
}

function validInstant(instant: Date): Date {
  if (!(instant instanceof Date) || !Number.isFinite(instant.getTime())) throw new CalendarError('invalid_date', 'Invalid instant / 无效的时间');
  return instant;
}

/**
 * One jurisdiction's working-day calendar in Beijing time (UTC+8): the official schedule from a
 * source (national holidays and 调休 make-up days), corrected by the administrator's overrides,
 * which always win. All deadlines here follow the counting rules of Chinese law: the day on which
 * a period starts is not counted (民法典 第二百零一条; 民事诉讼法 第八十五条 期间开始的时和日，不计算在期间内),
 * and a period ends at 24:00 of its last day (民法典 第二百零三条第二款).
 */
export class WorkingCalendar {
  private readonly overrides = new Map<string, CalendarOverride>();

  constructor(
    private readonly source: CalendarSource,
    overrides: readonly CalendarOverride[] = [],
    readonly workingHours: WorkingHours = DEFAULT_WORKING_HOURS,
  ) {
    windowsOf(workingHours);
    for (const o of overrides) {
      isoToDay(o.date);
      const earlier = this.overrides.get(o.date);
      if (earlier && earlier.kind !== o.kind) {
        throw new CalendarError('conflicting_override', `Two overrides disagree on ${o.date} / 同一日期的调整相互矛盾`);
      }
      this.overrides.set(o.date, o);
    }
  }

  /** False when the source has no official schedule for the year and weekdays stand in for it. */
  hasOfficialData(year: number): boolean {
    return this.source.hasOfficialData(year);
  }

  isWorkday(date: DateLike): boolean {
    return this.isWorkdayNumber(toDay(date));
  }

  status(date: DateLike): DayStatus {
    const iso = dayToIso(toDay(date));
    const override = this.overrides.get(iso);
    if (override) return { date: iso, workday: override.kind === 'workday', basis: 'override', reason: override.reason };
    const basis = this.source.hasOfficialData(Number(iso.slice(0, 4))) ? 'official' : 'weekday';
    return { date: iso, workday: this.source.isOfficialWorkday(iso), basis };
  }

  /** The first working day strictly after the given day, as 'YYYY-MM-DD'. */
  nextWorkday(date: DateLike): string {
    return dayToIso(this.workdayAfter(toDay(date)));
  }

  /** The same Beijing clock time n calendar days later (n may be negative); no holiday rule. */
  addNaturalDays(instant: Date, n: number): Date {
    if (!Number.isInteger(n)) throw new CalendarError('invalid_amount', `Days must be whole / 天数须为整数: ${n}`);
    return new Date(validInstant(instant).getTime() + n * DAY_MS);
  }

  /**
   * A statutory period of n natural days (日): it ends at 24:00 of the n-th day after the day of
   * the instant; when that last day is a holiday or a rest day, the period ends at 24:00 of the
   * first working day after it (民法典 第二百零三条：期间的最后一日是法定休假日的，以法定休假日结束的
   * 次日为期间的最后一日; 民事诉讼法 第八十五条：期间届满的最后一日是法定休假日的，以法定休假日后的第一日为
   * 期间届满的日期). A 调休 make-up Saturday is a working day, so a period can end on it.
   * n = 0 ends with the day of the instant, moved on the same way if that day is not a working day.
   */
  addNaturalDaysStatutory(instant: Date, n: number): Date {
    wholeCount(n, 'Days');
    const last = dayOfInstant(validInstant(instant)) + n;
    return endOfDay(this.isWorkdayNumber(last) ? last : this.workdayAfter(last));
  }

  /**
   * A period of n working days (工作日): it ends at 24:00 Beijing time (= 00:00 of the next day)
   * of the n-th working day after the day of the instant; the start day is never counted, even
   * when it is a working day and the instant is early in it. n = 0 means "the same day": 24:00 of
   * the day of the instant if it is a working day, otherwise of the next working day.
   */
  addWorkingDays(instant: Date, n: number): Date {
    wholeCount(n, 'Working days');
    let day = dayOfInstant(validInstant(instant));
    if (n === 0) return endOfDay(this.isWorkdayNumber(day) ? day : this.workdayAfter(day));
    for (let i = 0; i < n; i++) day = this.workdayAfter(day);
    return endOfDay(day);
  }

  /**
   * Working days completed between two instants: the working days after the day of `a` whose
   * 24:00 is at or before `b`. Inverse of addWorkingDays for n ≥ 1 (and for n = 0 from a working
   * day): workingDaysBetween(t, addWorkingDays(t, n)) === n. Never negative.
   */
  workingDaysBetween(a: Date, b: Date): number {
    const last = dayOfInstant(validInstant(b)) - 1;
    let count = 0;
    for (let day = dayOfInstant(validInstant(a)) + 1; day <= last; day++) if (this.isWorkdayNumber(day)) count++;
    return count;
  }

  /**
   * The earliest instant by which `hours` of office time on working days have run from the instant
   * (only the morning and afternoon windows count). Half a working day is 3.5 hours with the
   * default hours, the limit for consultations; 0 hours gives the instant itself.
   */
  addWorkingHours(instant: Date, hours: number, workingHours: WorkingHours = this.workingHours): Date {
    if (!Number.isFinite(hours) || hours < 0) throw new CalendarError('invalid_amount', `Hours must be ≥ 0 / 小时数须为非负数: ${hours}`);
    return addWindowTime((d) => this.isWorkdayNumber(d), windowsOf(workingHours), validInstant(instant), Math.round(hours * HOUR_MS));
  }

  /** Office hours on working days within [a, b], in hours; 0 when b is not after a. */
  workingHoursBetween(a: Date, b: Date, workingHours: WorkingHours = this.workingHours): number {
    return windowTimeBetween((d) => this.isWorkdayNumber(d), windowsOf(workingHours), validInstant(a), validInstant(b)) / HOUR_MS;
  }

  /**
   * Working-day time: wall time that runs only on working days (each counts its whole 24 hours,
   * rest days and holidays count nothing). Shares of a working-day deadline are measured in it.
   */
  workdayTimeBetween(a: Date, b: Date): number {
    return windowTimeBetween((d) => this.isWorkdayNumber(d), WHOLE_DAY, validInstant(a), validInstant(b));
  }

  /** The earliest instant by which `ms` of working-day time has run from the instant. */
  addWorkdayTime(instant: Date, ms: number): Date {
    if (!Number.isFinite(ms) || ms < 0) throw new CalendarError('invalid_amount', `Duration must be ≥ 0 / 时长须为非负数: ${ms}`);
    return addWindowTime((d) => this.isWorkdayNumber(d), WHOLE_DAY, validInstant(instant), Math.round(ms));
  }

  private isWorkdayNumber(day: number): boolean {
    const iso = dayToIso(day);
    const override = this.overrides.get(iso);
    return override ? override.kind === 'workday' : this.source.isOfficialWorkday(iso);
  }

  private workdayAfter(day: number): number {
    for (let d = day + 1; d <= day + MAX_NON_WORKING_RUN + 1; d++) if (this.isWorkdayNumber(d)) return d;
    throw new CalendarError('no_workday', `No working day within a year after ${dayToIso(day)} (${yearOf(day)}) / 一年内没有工作日`);
  }
}
