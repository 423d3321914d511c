import schedule from 'chinese-days/dist/chinese-days.json';
import { isoToDay, weekdayOf } from './civil-day';
import type { CalendarSource } from './calendar.types';

/**
 * The State Council's holiday and 调休 schedules as shipped by the `chinese-days` package
 * (2004 onwards; each year added when the 国务院办公厅 notice is published, e.g. 国办发明电〔2024〕12号
 * for 2025). We read the package's data file rather than its functions: those parse a date string
 * as UTC and format it in the machine's zone, which shifts every answer by a day west of UTC.
 */
interface Schedule {
  /** Days off (放假), weekends inside a holiday included. */
  holidays: Record<string, string>;
  /** Make-up working days on a weekend (调休上班). */
  workdays: Record<string, string>;
  /** Weekdays off in exchange for a make-up day (调休). */
  inLieuDays: Record<string, string>;
}

export class ChineseDaysSource implements CalendarSource {
  private readonly years: ReadonlySet<number>;

  constructor(private readonly data: Schedule = schedule) {
    this.years = new Set(Object.keys(data.holidays).map((date) => Number(date.slice(0, 4))));
  }

  isOfficialWorkday(dateIso: string): boolean {
    if (this.data.workdays[dateIso] !== undefined) return true;
    if (this.data.holidays[dateIso] !== undefined) return false;
    const weekday = weekdayOf(isoToDay(dateIso));
    return weekday >= 1 && weekday <= 5;
  }

  hasOfficialData(year: number): boolean {
    return this.years.has(year);
  }

  /** The holiday or make-up day's Chinese name (春节, 国庆节 …), if the day is in the schedule. */
  occasionOf(dateIso: string): string | undefined {
    const entry = this.data.workdays[dateIso] ?? this.data.holidays[dateIso];
    return entry?.split(',')[1];
  }

  /** A holiday weekday given in exchange for a make-up working day (调休). */
  isInLieu(dateIso: string): boolean {
    return this.data.inLieuDays[dateIso] !== undefined;
  }
}
