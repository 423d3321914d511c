import { IsIn, IsISO8601, IsUUID, Matches } from 'class-validator';
import { CODE_PATTERN, TRACKING_CODE_PATTERN } from '../common';
import { defineEvent } from '../contract';
import { RECEIVING_LEVELS, type ReceivingLevel } from '../queries/intake-grievance-input';

/**
 * 越级 (skip-level) under the `redirect` policy: a matter was brought above its competent level
 * with no record there first; the petitioner is told to go to the competent level (逐级走访,
 * 信访工作条例 第二十条). The grievance stays registered; this tells that level it is coming.
 */
export class GrievanceSkipLevelRedirectedV1 {
  @IsUUID() grievanceId: string;
  @Matches(TRACKING_CODE_PATTERN) trackingCode: string;
  @Matches(CODE_PATTERN) regionCode: string;
  @IsIn(RECEIVING_LEVELS) receivedAtLevel: ReceivingLevel;
  @IsIn(RECEIVING_LEVELS) competentLevel: ReceivingLevel;
  @Matches(CODE_PATTERN) competentRegionCode: string;
  @IsISO8601() redirectedAt: string;
}

export const GrievanceSkipLevelRedirected = defineEvent('intake.grievance.skip_level_redirected', 1, GrievanceSkipLevelRedirectedV1);
