import { IsInt, IsISO8601, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { CODE_PATTERN } from '../common';
import { defineEvent } from '../contract';

/**
 * A handling deadline was extended (信访工作条例 第三十四条: once, by at most 30 days, with approval,
 * and the petitioner is told): intake shows it on the citizen's timeline.
 */
export class DeadlineExtendedV1 {
  @IsUUID() clockId: string;
  @IsUUID() grievanceId: string;
  @IsUUID() requestId: string;
  @IsString() @Length(1, 60) step: string;
  @Matches(CODE_PATTERN) policyCode: string;
  @IsInt() @Min(1) @Max(30) days: number;
  @IsString() @Length(1, 1000) reason: string;
  @IsString() @Length(1, 100) approvedBy: string;
  @IsISO8601() previousDueAt: string;
  @IsISO8601() dueAt: string;
  @IsISO8601() at: string;
}

export const DeadlineExtended = defineEvent('supervision.deadline.extended', 1, DeadlineExtendedV1);
