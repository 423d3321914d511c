import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsISO8601, IsNumber, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { CODE_PATTERN } from '../common';
import { defineQuery } from '../contract';
import { CALENDAR_OVERRIDE_KINDS, type CalendarOverrideKind } from '../events/supervision-calendar-changed';
import { SupervisionActor } from '../events/supervision-aftercare-common';
import { COMPLEXITIES, type Complexity } from '../events/routing-grievance-triaged';

/*
 * Calendar and deadline-policy administration (DESIGN: "time is a policy"): a jurisdiction's
 * override days on top of the national holiday and 调休 schedule, and local deadline policies on
 * top of the statutory ones. Supervision validates the meaning (real dates, no contradiction,
 * local rules only stricter); these classes check the shape.
 */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = { message: 'must be a date YYYY-MM-DD / 日期格式须为 YYYY-MM-DD' };

/** The longest range one calendar query may ask for. */
export const MAX_CALENDAR_RANGE_DAYS = 366;

export class WorkingCalendarQuery {
  @Matches(CODE_PATTERN) jurisdiction: string;
  @Matches(ISO_DATE, DATE_MESSAGE) from: string;
  @Matches(ISO_DATE, DATE_MESSAGE) to: string;
}

/**
 * Why a day is or is not a working day: an ordinary weekday or weekend, a national holiday (放假),
 * a 调休 make-up working day, or an administrator's override.
 */
export const CALENDAR_DAY_REASONS = ['weekday', 'weekend', 'national_holiday', 'make_up_workday', 'override_holiday', 'override_workday'] as const;
export type CalendarDayReason = (typeof CALENDAR_DAY_REASONS)[number];

export interface CalendarDayView {
  date: string;
  workday: boolean;
  reason: CalendarDayReason;
  /** The holiday's name (春节, 国庆节 …) for holidays and make-up days. */
  holidayName: string | null;
  /** The override's note and the jurisdiction that set it (the county, or a city above it). */
  note: string | null;
  overrideJurisdiction: string | null;
}

export interface WorkingCalendarView {
  jurisdiction: string;
  from: string;
  to: string;
  /** False for years the national schedule is not yet published (weekdays stand in; add overrides). */
  officialData: boolean;
  days: CalendarDayView[];
}

export class AddCalendarOverride {
  @Matches(CODE_PATTERN) jurisdiction: string;
  @Matches(ISO_DATE, DATE_MESSAGE) date: string;
  @IsIn(CALENDAR_OVERRIDE_KINDS) kind: CalendarOverrideKind;
  @IsString() @Length(1, 200, { message: 'note must be 1 to 200 characters / 说明须为1至200字' }) note: string;
  @ValidateNested() @Type(() => SupervisionActor) by: SupervisionActor;
}

export class RemoveCalendarOverride {
  @Matches(CODE_PATTERN) jurisdiction: string;
  @Matches(ISO_DATE, DATE_MESSAGE) date: string;
  @ValidateNested() @Type(() => SupervisionActor) by: SupervisionActor;
}

export interface CalendarOverrideView {
  jurisdiction: string;
  date: string;
  kind: CalendarOverrideKind;
  note: string;
  createdBy: string;
  createdAt: string;
}

export const DEADLINE_POLICY_STEPS = [
  'registration', 'acceptance_notice', 'misroute_objection', 'handling', 'extension', 'review_request', 'review_answer',
  'recheck_request', 'recheck_answer', 'feedback', 'preliminary_plan', 'mediation', 'judicial_confirmation_request', 'return_visit',
] as const;
export type DeadlinePolicyStep = (typeof DEADLINE_POLICY_STEPS)[number];

/** Units a local policy may count in (wall-clock hours are statutory/hotline data only). */
export const LOCAL_POLICY_UNITS = ['working_days', 'natural_days', 'working_hours'] as const;
export type LocalPolicyUnit = (typeof LOCAL_POLICY_UNITS)[number];

export class DeadlinePolicyConditionsInput {
  @IsOptional() @IsArray() @ArrayMinSize(1) @IsIn(COMPLEXITIES, { each: true }) complexity?: Complexity[];
  @IsOptional() @IsBoolean() firstTime?: boolean;
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @Matches(CODE_PATTERN, { each: true }) kind?: string[];
}

export class DeadlinePolicyListQuery {
  @Matches(CODE_PATTERN) jurisdiction: string;
  /** Also list versions no longer (or not yet) in force. */
  @IsOptional() @IsBoolean() includeHistory?: boolean;
}

/**
 * Adds a local policy, or a new version of one: the new version applies to clocks started from
 * `effectiveFrom` (default now, never in the past); clocks already running keep theirs.
 */
export class SaveLocalDeadlinePolicy {
  @Matches(CODE_PATTERN) jurisdiction: string;
  /** Short code; supervision prefixes it with the jurisdiction (330621_consultation_half_day). */
  @Matches(/^[a-z0-9_]{1,50}$/, { message: 'code must be lowercase letters, digits or _ / 编码须为小写字母、数字或下划线' }) code: string;
  @IsString() @Length(1, 100) name: string;
  @IsString() @Length(1, 200) nameEn: string;
  @IsIn(DEADLINE_POLICY_STEPS) appliesTo: DeadlinePolicyStep;
  @IsIn(LOCAL_POLICY_UNITS) unit: LocalPolicyUnit;
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1000) amount: number;
  /** The local document it comes from (文件名、文号、条款). */
  @IsString() @Length(1, 300) source: string;
  /** Shares of the time at which to warn, ascending in (0, 1]; default 0.5, 0.8, 1. */
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(5) @IsNumber({ allowNaN: false, allowInfinity: false }, { each: true }) warnAt?: number[];
  @IsOptional() @ValidateNested() @Type(() => DeadlinePolicyConditionsInput) when?: DeadlinePolicyConditionsInput;
  @IsOptional() @IsString() @Length(1, 500) note?: string;
  @IsOptional() @IsISO8601({ strict: true }) effectiveFrom?: string;
  @ValidateNested() @Type(() => SupervisionActor) by: SupervisionActor;
}

/** Retires a local policy from `effectiveFrom` (default now): clocks started later no longer use it. */
export class RetireLocalDeadlinePolicy {
  @Matches(CODE_PATTERN) jurisdiction: string;
  @Matches(/^[a-z0-9_]{1,100}$/) code: string;
  @IsOptional() @IsISO8601({ strict: true }) effectiveFrom?: string;
  @ValidateNested() @Type(() => SupervisionActor) by: SupervisionActor;
}

export interface DeadlinePolicyView {
  code: string;
  /** null for a statutory (national) policy, which is read-only. */
  jurisdiction: string | null;
  statutory: boolean;
  version: number;
  name: string;
  nameEn: string;
  appliesTo: DeadlinePolicyStep;
  unit: 'natural_days' | 'working_days' | 'working_hours' | 'hours';
  amount: number;
  /** The legal source: the article for statutory policies, the local document otherwise. */
  source: string;
  warnAt: number[];
  when: { complexity?: Complexity[]; firstTime?: boolean; kind?: string[] } | null;
  note: string | null;
  maxExtensions: number | null;
  extensionAmount: number | null;
  effectiveFrom: string | null;
  effectiveUntil: string | null;
  createdBy: string | null;
}

export const SupervisionWorkingCalendar = defineQuery<WorkingCalendarQuery, WorkingCalendarView>('supervision.calendar.days', WorkingCalendarQuery);
export const SupervisionAddCalendarOverride = defineQuery<AddCalendarOverride, CalendarOverrideView>('supervision.calendar_override.add', AddCalendarOverride);
export const SupervisionRemoveCalendarOverride = defineQuery<RemoveCalendarOverride, CalendarOverrideView>('supervision.calendar_override.remove', RemoveCalendarOverride);
export const SupervisionDeadlinePolicies = defineQuery<DeadlinePolicyListQuery, DeadlinePolicyView[]>('supervision.deadline_policy.list', DeadlinePolicyListQuery);
export const SupervisionSaveLocalDeadlinePolicy = defineQuery<SaveLocalDeadlinePolicy, DeadlinePolicyView>('supervision.deadline_policy.save', SaveLocalDeadlinePolicy);
export const SupervisionRetireLocalDeadlinePolicy = defineQuery<RetireLocalDeadlinePolicy, DeadlinePolicyView>('supervision.deadline_policy.retire', RetireLocalDeadlinePolicy);
