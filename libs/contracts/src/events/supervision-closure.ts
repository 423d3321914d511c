import { IsBoolean, IsIn, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { TRACKING_CODE_PATTERN } from '../common';
import { defineEvent } from '../contract';
import { EVALUATION_RESULTS, type EvaluationResult } from './supervision-aftercare-common';

/** 办结: the matter is closed, with the petitioner's commitment to cease (息诉罢访) when given. */
export class GrievanceClosedV1 {
  @IsUUID() grievanceId: string;
  @Matches(TRACKING_CODE_PATTERN) trackingCode: string;
  @IsBoolean() ceaseCommitment: boolean;
  /** The last evaluation before closing; absent when the petitioner could not be reached. */
  @IsOptional() @IsIn(EVALUATION_RESULTS) evaluationResult?: EvaluationResult;
  /** After 复核 the matter is final (第三十六条). */
  @IsBoolean() final: boolean;
  @IsISO8601() closedAt: string;
}

export const GrievanceClosed = defineEvent('supervision.grievance.closed', 1, GrievanceClosedV1);
