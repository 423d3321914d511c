import { IsInt, IsISO8601, IsNumber, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { CODE_PATTERN } from '../common';
import { defineEvent } from '../contract';

/** A clock passed one of its warning shares (e.g. 50 % / 80 % of the time used): 临期提醒. */
export class DeadlineWarningV1 {
  @IsUUID() clockId: string;
  @IsUUID() grievanceId: string;
  @IsString() @Length(1, 60) step: string;
  @Matches(CODE_PATTERN) policyCode: string;
  @IsNumber() @Min(0) @Max(1) share: number;
  @IsISO8601() dueAt: string;
}

/** A clock ran out (超期); escalation goes one level up the chain each time it is still open. */
export class DeadlineBreachedV1 {
  @IsUUID() clockId: string;
  @IsUUID() grievanceId: string;
  @IsString() @Length(1, 60) step: string;
  @Matches(CODE_PATTERN) policyCode: string;
  @IsISO8601() dueAt: string;
  @IsInt() @Min(1) escalationLevel: number;
  /** handling_unit (petition_bureau for the registration step, Art 22) → command_centre → joint_office → discipline_inspection */
  @Matches(CODE_PATTERN) escalatedTo: string;
}

export const DeadlineWarning = defineEvent('supervision.deadline.warning', 1, DeadlineWarningV1);
export const DeadlineBreached = defineEvent('supervision.deadline.breached', 1, DeadlineBreachedV1);
