import { IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Matches, Min } from 'class-validator';
import { CODE_PATTERN, TRACKING_CODE_PATTERN } from '../common';
import { defineEvent } from '../contract';
import { NOTICE_VERDICTS, type NoticeVerdict } from './supervision-notice-common';

/** The issuer accepted the unit's response (the notice is done) or rejected it (a new response is due). */
export class NoticeReviewedV1 {
  @IsUUID() noticeId: string;
  @IsUUID() grievanceId: string;
  @Matches(TRACKING_CODE_PATTERN) trackingCode: string;
  @Matches(CODE_PATTERN) orgCode: string;
  @IsInt() @Min(1) round: number;
  @IsIn(NOTICE_VERDICTS) verdict: NoticeVerdict;
  /** After a rejection: when the next response is due. */
  @IsOptional() @IsISO8601() responseDueAt?: string;
  @IsISO8601() reviewedAt: string;
}

export const NoticeReviewed = defineEvent('supervision.notice.reviewed', 1, NoticeReviewedV1);
