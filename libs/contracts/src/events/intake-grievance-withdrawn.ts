import { IsISO8601, IsString, IsUUID, Length, Matches } from 'class-validator';
import { TRACKING_CODE_PATTERN } from '../common';
import { defineEvent } from '../contract';

/** The petitioner withdrew the grievance (撤回): clocks stop, assignments close. */
export class GrievanceWithdrawnV1 {
  @IsUUID() grievanceId: string;
  @Matches(TRACKING_CODE_PATTERN) trackingCode: string;
  @IsString() @Length(1, 500) reason: string;
  @IsISO8601() withdrawnAt: string;
}

export const GrievanceWithdrawn = defineEvent('intake.grievance.withdrawn', 1, GrievanceWithdrawnV1);
