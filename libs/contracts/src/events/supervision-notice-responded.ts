import { IsBoolean, IsInt, IsISO8601, IsUUID, Matches, Min } from 'class-validator';
import { CODE_PATTERN, TRACKING_CODE_PATTERN } from '../common';
import { defineEvent } from '../contract';

/** The unit gave its written response to a notice (what was done, the result); the issuer reviews it. */
export class NoticeRespondedV1 {
  @IsUUID() noticeId: string;
  @IsUUID() grievanceId: string;
  @Matches(TRACKING_CODE_PATTERN) trackingCode: string;
  @Matches(CODE_PATTERN) orgCode: string;
  /** 1 for the first response, one more after each rejection. */
  @IsInt() @Min(1) round: number;
  @IsBoolean() onTime: boolean;
  @IsISO8601() respondedAt: string;
}

export const NoticeResponded = defineEvent('supervision.notice.responded', 1, NoticeRespondedV1);
