import { ChineseDaysSource, WorkingCalendar, type CalendarOverride } from '@yikouban/calendar';

/** 信访工作条例 第二十三条: a misrouted matter is objected to within 5 working days. */
export const RETURN_WINDOW_WORKING_DAYS = 5;

/** Injection token: this jurisdiction's working calendar for the return window. */
export const RETURN_CALENDAR = Symbol('RETURN_CALENDAR');

/**
 * The calendar routing counts the return window in: the shared working-day calendar (State
 * Council holidays and 调休 make-up days) corrected by the jurisdiction's own overrides. The end
 * is stored on each assignment as `return_deadline_at`, so a unit sees its window without a call
 * to another service.
 */
export function returnCalendar(overrides: readonly CalendarOverride[] = []): WorkingCalendar {
  return new WorkingCalendar(new ChineseDaysSource(), overrides);
}

/**
 * The end of the return window: the day of assignment is not counted (民法典 第二百零一条), the
 * period ends at 24:00 Beijing time of its last working day (第二百零三条).
 */
export function returnDeadline(assignedAt: Date, calendar: WorkingCalendar, days = RETURN_WINDOW_WORKING_DAYS): Date {
  return calendar.addWorkingDays(assignedAt, days);
}
