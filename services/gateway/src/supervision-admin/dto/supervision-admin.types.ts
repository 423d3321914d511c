import { ArgsType, Field, Float, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDate, IsIn, IsNumber, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import {
  CALENDAR_DAY_REASONS,
  CALENDAR_OVERRIDE_KINDS,
  CODE_PATTERN,
  COMPLEXITIES,
  DEADLINE_POLICY_STEPS,
  LOCAL_POLICY_UNITS,
  type CalendarDayReason,
  type CalendarOverrideKind,
  type Complexity,
  type DeadlinePolicyStep,
  type LocalPolicyUnit,
} from '@yikouban/contracts';

const enumOf = <V extends string>(values: readonly V[]): Record<string, V> => Object.fromEntries(values.map((v) => [v.toUpperCase(), v]));
export const CalendarOverrideKindEnum = enumOf(CALENDAR_OVERRIDE_KINDS);
export const CalendarDayReasonEnum = enumOf(CALENDAR_DAY_REASONS);
export const DeadlineStepEnum = enumOf(DEADLINE_POLICY_STEPS);
export const DeadlineUnitEnum = enumOf(['natural_days', 'working_days', 'working_hours', 'hours'] as const);
export const LocalDeadlineUnitEnum = enumOf(LOCAL_POLICY_UNITS);
export const PolicyComplexityEnum = enumOf(COMPLEXITIES);
registerEnumType(CalendarOverrideKindEnum, { name: 'CalendarOverrideKind', description: '调整为休息日或工作日 / an extra day off or an extra working day' });
registerEnumType(CalendarDayReasonEnum, { name: 'CalendarDayReason', description: '工作日、周末、法定节假日、调休上班、本地调整 / why a day is or is not a working day' });
registerEnumType(DeadlineStepEnum, { name: 'DeadlineStep', description: '期限适用的环节 / the step a deadline runs for' });
registerEnumType(DeadlineUnitEnum, { name: 'DeadlineUnit', description: '日、工作日、工作小时、小时 / natural days, working days, working hours, hours' });
registerEnumType(LocalDeadlineUnitEnum, { name: 'LocalDeadlineUnit', description: '地方规则可用的计时单位 / units a local policy may count in' });
registerEnumType(PolicyComplexityEnum, { name: 'PolicyComplexity', description: '急、简、繁、难 / urgent, simple, complex, difficult' });

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = { message: '日期格式须为 YYYY-MM-DD / must be a date YYYY-MM-DD' };

@ArgsType()
export class WorkingCalendarArgs {
  @Field({ description: '辖区（区划代码）/ jurisdiction (region code)' }) @Matches(CODE_PATTERN) jurisdiction: string;
  @Field({ description: '起始日期 YYYY-MM-DD / first day' }) @Matches(DATE, DATE_MESSAGE) from: string;
  @Field({ description: '结束日期 YYYY-MM-DD（至多366天）/ last day (at most 366 days)' }) @Matches(DATE, DATE_MESSAGE) to: string;
}

@ObjectType({ description: '日历中的一天 / one day of a working calendar' })
export class CalendarDayView {
  @Field() date: string;
  @Field() workday: boolean;
  @Field(() => CalendarDayReasonEnum) reason: CalendarDayReason;
  @Field(() => String, { nullable: true, description: '节日名称 / the holiday’s name' }) holidayName: string | null;
  @Field(() => String, { nullable: true, description: '调整说明 / the override’s note' }) note: string | null;
  @Field(() => String, { nullable: true, description: '作出调整的辖区 / the jurisdiction that set the override' }) overrideJurisdiction: string | null;
}

@ObjectType({ description: '辖区工作日历 / a jurisdiction’s working calendar' })
export class WorkingCalendarView {
  @Field() jurisdiction: string;
  @Field() from: string;
  @Field() to: string;
  @Field({ description: '国家放假安排是否已发布（否则按周一至周五）/ whether the national schedule is published for every year in range' }) officialData: boolean;
  @Field(() => [CalendarDayView]) days: CalendarDayView[];
}

@InputType({ description: '新增日历调整 / add an override day' })
export class AddCalendarOverrideInput {
  @Field() @Matches(CODE_PATTERN) jurisdiction: string;
  @Field({ description: 'YYYY-MM-DD' }) @Matches(DATE, DATE_MESSAGE) date: string;
  @Field(() => CalendarOverrideKindEnum) @IsIn(CALENDAR_OVERRIDE_KINDS) kind: CalendarOverrideKind;
  @Field({ description: '说明（如县庆、调休上班）/ why (a local festival, a make-up day)' }) @IsString() @Length(1, 200) note: string;
}

@InputType({ description: '删除日历调整 / remove an override day' })
export class RemoveCalendarOverrideInput {
  @Field() @Matches(CODE_PATTERN) jurisdiction: string;
  @Field({ description: 'YYYY-MM-DD' }) @Matches(DATE, DATE_MESSAGE) date: string;
}

@ObjectType({ description: '日历调整 / an override day' })
export class CalendarOverrideView {
  @Field() jurisdiction: string;
  @Field() date: string;
  @Field(() => CalendarOverrideKindEnum) kind: CalendarOverrideKind;
  @Field() note: string;
  @Field() createdBy: string;
  @Field() createdAt: Date;
}

@InputType({ description: '规则适用条件 / when a policy applies' })
export class PolicyConditionsInput {
  @Field(() => [PolicyComplexityEnum], { nullable: true }) @IsOptional() @IsArray() @ArrayMinSize(1) @IsIn(COMPLEXITIES, { each: true }) complexity?: Complexity[];
  @Field({ nullable: true, description: '初信初访 / first-time grievances' }) @IsOptional() @IsBoolean() firstTime?: boolean;
  @Field(() => [String], { nullable: true, description: '事项类型，如 consultation / matter kinds' }) @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @Matches(CODE_PATTERN, { each: true }) kind?: string[];
}

@ObjectType({ description: '规则适用条件 / when a policy applies' })
export class PolicyConditionsView {
  @Field(() => [PolicyComplexityEnum], { nullable: true }) complexity?: Complexity[];
  @Field({ nullable: true }) firstTime?: boolean;
  @Field(() => [String], { nullable: true }) kind?: string[];
}

@InputType({ description: '新增或修改地方期限规则（新版本只适用于生效后开始的计时）/ add or update a local policy; a new version applies to clocks started after it takes effect' })
export class SaveLocalDeadlinePolicyInput {
  @Field() @Matches(CODE_PATTERN) jurisdiction: string;
  @Field({ description: '规则编码 / code' }) @Matches(/^[a-z0-9_]{1,50}$/, { message: '编码须为小写字母、数字或下划线 / code must be [a-z0-9_]' }) code: string;
  @Field() @IsString() @Length(1, 100) name: string;
  @Field() @IsString() @Length(1, 200) nameEn: string;
  @Field(() => DeadlineStepEnum) @IsIn(DEADLINE_POLICY_STEPS) appliesTo: DeadlinePolicyStep;
  @Field(() => LocalDeadlineUnitEnum) @IsIn(LOCAL_POLICY_UNITS) unit: LocalPolicyUnit;
  @Field(() => Float) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1000) amount: number;
  @Field({ description: '依据（文件、文号、条款）/ the local document it comes from' }) @IsString() @Length(1, 300) source: string;
  @Field(() => [Float], { nullable: true, description: '预警比例，如 [0.5, 0.8, 1] / warning shares' }) @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(5) @IsNumber({ allowNaN: false, allowInfinity: false }, { each: true }) warnAt?: number[];
  @Field(() => PolicyConditionsInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => PolicyConditionsInput) when?: PolicyConditionsInput;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 500) note?: string;
  @Field({ nullable: true, description: '生效时间，默认现在，不得早于现在 / takes effect from (default now, never in the past)' }) @IsOptional() @IsDate() effectiveFrom?: Date;
}

@InputType({ description: '停用地方期限规则 / retire a local policy' })
export class RetireLocalDeadlinePolicyInput {
  @Field() @Matches(CODE_PATTERN) jurisdiction: string;
  @Field() @Matches(/^[a-z0-9_]{1,100}$/) code: string;
  @Field({ nullable: true, description: '停用时间，默认现在 / from (default now)' }) @IsOptional() @IsDate() effectiveFrom?: Date;
}

@ObjectType({ description: '期限规则（法定规则只读，附条款）/ a deadline policy; statutory ones are read-only, with their article' })
export class DeadlinePolicyView {
  @Field() code: string;
  @Field(() => String, { nullable: true, description: '制定辖区，法定规则为空 / null for a statutory policy' }) jurisdiction: string | null;
  @Field() statutory: boolean;
  @Field(() => Int) version: number;
  @Field() name: string;
  @Field() nameEn: string;
  @Field(() => DeadlineStepEnum) appliesTo: DeadlinePolicyStep;
  @Field(() => DeadlineUnitEnum) unit: string;
  @Field(() => Float) amount: number;
  @Field({ description: '依据 / legal source' }) source: string;
  @Field(() => [Float]) warnAt: number[];
  @Field(() => PolicyConditionsView, { nullable: true }) when: PolicyConditionsView | null;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => Int, { nullable: true }) maxExtensions: number | null;
  @Field(() => Float, { nullable: true }) extensionAmount: number | null;
  @Field(() => Date, { nullable: true }) effectiveFrom: Date | null;
  @Field(() => Date, { nullable: true }) effectiveUntil: Date | null;
  @Field(() => String, { nullable: true }) createdBy: string | null;
}
