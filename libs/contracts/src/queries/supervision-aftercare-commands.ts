import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { TRACKING_CODE_PATTERN } from '../common';
import { defineQuery } from '../contract';
import {
  EVALUATION_CHANNELS,
  EVALUATION_RESULTS,
  REVIEW_CONCLUSIONS,
  REVIEW_LEVELS,
  SupervisionActor,
  type EvaluationChannel,
  type EvaluationResult,
  type ReviewConclusion,
  type ReviewLevel,
} from '../events/supervision-aftercare-common';
import type { AftercareView } from './supervision-aftercare-views';

/**
 * Commands after the reply, addressed by tracking code. Refusals: BAD_REQUEST (with the field),
 * NOT_FOUND (no reply yet), CONFLICT (not allowed in this state or outside its window) — the
 * domain's code first in the message, then Chinese and English.
 */
class AftercareCommand {
  @IsOptional() @IsIn([1]) v?: 1;
  @Matches(TRACKING_CODE_PATTERN, { message: 'trackingCode is not a tracking code' }) trackingCode: string;
  @ValidateNested() @Type(() => SupervisionActor) by: SupervisionActor;
}

/** The petitioner's evaluation of the latest answer, once per round. */
export class RecordEvaluation extends AftercareCommand {
  @IsIn(EVALUATION_RESULTS) result: EvaluationResult;
  /** 问题是否解决: the resolution rate counts these. */
  @IsBoolean() resolved: boolean;
  @IsIn(EVALUATION_CHANNELS) channel: EvaluationChannel;
  @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}

/** Not satisfied → sent back to the unit to handle again (重办). */
export class RequestRework extends AftercareCommand {
  @IsString() @Length(1, 2000) reason: string;
}

/**
 * 办结, optionally with the petitioner's commitment to cease (息诉罢访). Without an evaluation of
 * the current round a note must say why (e.g. the petitioner could not be reached).
 */
export class CloseGrievance extends AftercareCommand {
  @IsBoolean() ceaseCommitment: boolean;
  @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

/** 复查 (第三十五条) or 复核 (第三十六条); the level is the next one open and may be stated to be sure. */
export class RequestReview extends AftercareCommand {
  @IsOptional() @IsIn(REVIEW_LEVELS) level?: ReviewLevel;
  @IsString() @Length(1, 5000) reason: string;
  /** When the petitioner made the request (a letter's date), recorded by staff; default now, never in the future. */
  @IsOptional() @IsISO8601() requestedAt?: string;
}

/** The organ above answers the pending 复查 or 复核 request. */
export class AnswerReview extends AftercareCommand {
  @IsIn(REVIEW_CONCLUSIONS) conclusion: ReviewConclusion;
  @IsString() @Length(1, 10000) opinion: string;
}

export class GetAftercare {
  @Matches(TRACKING_CODE_PATTERN, { message: 'trackingCode is not a tracking code' }) trackingCode: string;
}

export const SupervisionRecordEvaluation = defineQuery<RecordEvaluation, AftercareView>('supervision.evaluation.record', RecordEvaluation);
export const SupervisionRequestRework = defineQuery<RequestRework, AftercareView>('supervision.grievance.rework', RequestRework);
export const SupervisionCloseGrievance = defineQuery<CloseGrievance, AftercareView>('supervision.grievance.close', CloseGrievance);
export const SupervisionRequestReview = defineQuery<RequestReview, AftercareView>('supervision.review.request', RequestReview);
export const SupervisionAnswerReview = defineQuery<AnswerReview, AftercareView>('supervision.review.answer', AnswerReview);
/** NOT_FOUND until the grievance has been replied to. */
export const SupervisionGetAftercare = defineQuery<GetAftercare, AftercareView>('supervision.aftercare.get', GetAftercare);
