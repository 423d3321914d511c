import { IsIn, IsISO8601, IsString, Length, Matches } from 'class-validator';
import { CODE_PATTERN } from '../common';
import { defineEvent } from '../contract';

/** An administrator's correction of one day in a jurisdiction's working calendar. */
export const CALENDAR_OVERRIDE_KINDS = ['holiday', 'workday'] as const;
export type CalendarOverrideKind = (typeof CALENDAR_OVERRIDE_KINDS)[number];

/**
 * A jurisdiction's working calendar changed (an override day added or removed). Deadlines planned
 * from now on count with it; clocks already running keep their due dates.
 */
export class CalendarChangedV1 {
  @Matches(CODE_PATTERN) jurisdiction: string;
  @Matches(/^\d{4}-\d{2}-\d{2}$/) date: string;
  @IsIn(['added', 'removed']) change: 'added' | 'removed';
  @IsIn(CALENDAR_OVERRIDE_KINDS) kind: CalendarOverrideKind;
  @IsString() @Length(1, 200) note: string;
  @IsString() @Length(1, 100) by: string;
  @IsISO8601() at: string;
}

export const CalendarChanged = defineEvent('supervision.calendar.changed', 1, CalendarChangedV1);
