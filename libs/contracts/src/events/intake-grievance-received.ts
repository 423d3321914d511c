import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import { CHANNELS, Channel, CODE_PATTERN, TRACKING_CODE_PATTERN } from '../common';
import { defineEvent } from '../contract';

/** A grievance was registered. Carries no personal information: that stays in intake's vault. */
export class GrievanceReceivedV1 {
  @IsUUID() grievanceId: string;
  @Matches(TRACKING_CODE_PATTERN) trackingCode: string;
  @IsIn(CHANNELS) channel: Channel;
  @Matches(CODE_PATTERN) regionCode: string;
  @IsOptional() @Matches(CODE_PATTERN) categoryCode?: string;
  @IsInt() @Min(1) @Max(100000) headcount: number;
  @IsBoolean() collective: boolean;
  /** 初信初访: no similar matter from the same person within the repeat window. */
  @IsOptional() @IsBoolean() firstTime?: boolean;
  /** 重复信访: the grievance this one repeats. */
  @IsOptional() @IsUUID() repeatOf?: string;
  /** 越级: received above its competent level with no record there first (see intake.grievance.skip_level_redirected). */
  @IsOptional() @IsBoolean() skipLevel?: boolean;
  /** Emergency terms found in the text (the text itself stays in intake). */
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) emergencyTerms?: string[];
  @IsISO8601() receivedAt: string;
}

export const GrievanceReceived = defineEvent('intake.grievance.received', 1, GrievanceReceivedV1);
