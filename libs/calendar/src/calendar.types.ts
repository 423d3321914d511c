/** Where the official (national) schedule of working days comes from. */
export interface CalendarSource {
  /** Whether the day is a working day under the official schedule, weekends and 调休 included. */
  isOfficialWorkday(dateIso: string): boolean;
  /**
   * Whether the source holds the State Council's schedule for the year. Without it the source
   * answers Monday–Friday, and an administrator should enter the year's holidays as overrides.
   */
  hasOfficialData(year: number): boolean;
}

/** An administrator's correction for one jurisdiction's calendar; it wins over the source. */
export interface CalendarOverride {
  date: string;
  kind: 'workday' | 'holiday';
  reason: string;
}

/** Office hours of a working day, Beijing time 'HH:MM' (24:00 allowed as an end). */
export interface WorkingHours {
  morning: readonly [string, string];
  afternoon: readonly [string, string];
}

/** The usual hours of county organs; a jurisdiction may configure its own (e.g. summer hours). */
export const DEFAULT_WORKING_HOURS: WorkingHours = {
  morning: ['08:30', '12:00'],
  afternoon: ['14:00', '17:30'],
};

/** Why a day is or is not a working day, for the administrator's calendar view. */
export interface DayStatus {
  date: string;
  workday: boolean;
  /** override: an administrator's entry; official: the source's schedule; weekday: Monday–Friday fallback. */
  basis: 'override' | 'official' | 'weekday';
  reason?: string;
}
