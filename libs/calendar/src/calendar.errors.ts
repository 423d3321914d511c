export const CALENDAR_ERROR_CODES = [
  /** Not a real calendar date in the form YYYY-MM-DD, or not a valid instant. */
  'invalid_date',
  /** A count of days or hours that is negative, fractional where whole days are needed, or not finite. */
  'invalid_amount',
  /** Working-hour windows that are malformed, out of the day or out of order. */
  'invalid_working_hours',
  /** Two overrides for the same date that disagree. */
  'conflicting_override',
  /** No working day within a year of a date: the calendar data is broken. */
  'no_workday',
] as const;
export type CalendarErrorCode = (typeof CALENDAR_ERROR_CODES)[number];

/** Bad calendar input or data. Callers at the edges map the code to a 400 with the field. */
export class CalendarError extends Error {
  override readonly name = 'CalendarError';
  constructor(
    readonly code: CalendarErrorCode,
    message: string,
  ) {
    super(message);
  }
}
