import { IsBoolean, IsIn, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { CODE_PATTERN, TRACKING_CODE_PATTERN } from '../common';
import { defineEvent } from '../contract';
import { REVIEW_CONCLUSIONS, REVIEW_LEVELS, type ReviewConclusion, type ReviewLevel } from './supervision-aftercare-common';

/** The petitioner asked for 复查 (第三十五条) or 复核 (第三十六条) inside the window; the answer clock runs. */
export class ReviewRequestedV1 {
  @IsUUID() reviewRequestId: string;
  @IsUUID() grievanceId: string;
  @Matches(TRACKING_CODE_PATTERN) trackingCode: string;
  @IsIn(REVIEW_LEVELS) level: ReviewLevel;
  @IsISO8601() requestedAt: string;
  /** The end of the window the request came in. */
  @IsISO8601() windowEndsAt: string;
  @IsISO8601() answerDueAt: string;
  @Matches(CODE_PATTERN) policyCode: string;
}

/** The organ above answered the 复查 or 复核 request. */
export class ReviewAnsweredV1 {
  @IsUUID() reviewRequestId: string;
  @IsUUID() grievanceId: string;
  @Matches(TRACKING_CODE_PATTERN) trackingCode: string;
  @IsIn(REVIEW_LEVELS) level: ReviewLevel;
  @IsIn(REVIEW_CONCLUSIONS) conclusion: ReviewConclusion;
  @IsISO8601() answeredAt: string;
  @IsBoolean() onTime: boolean;
  /** After a 复查 answer: the end of the 复核 window. */
  @IsOptional() @IsISO8601() nextWindowEndsAt?: string;
}

/** 复核 answered: the same facts and reasons are not accepted again (第三十六条). */
export class GrievanceFinalizedV1 {
  @IsUUID() grievanceId: string;
  @Matches(TRACKING_CODE_PATTERN) trackingCode: string;
  @IsUUID() reviewRequestId: string;
  @IsISO8601() finalizedAt: string;
}

export const ReviewRequested = defineEvent('supervision.review.requested', 1, ReviewRequestedV1);
export const ReviewAnswered = defineEvent('supervision.review.answered', 1, ReviewAnsweredV1);
export const GrievanceFinalized = defineEvent('supervision.grievance.finalized', 1, GrievanceFinalizedV1);
