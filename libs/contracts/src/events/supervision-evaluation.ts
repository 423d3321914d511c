import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Min } from 'class-validator';
import { CODE_PATTERN, TRACKING_CODE_PATTERN } from '../common';
import { defineEvent } from '../contract';
import { ANSWER_KINDS, EVALUATION_CHANNELS, EVALUATION_RESULTS, type AnswerKind, type EvaluationChannel, type EvaluationResult } from './supervision-aftercare-common';

/** The petitioner evaluated an answer (满意 / 基本满意 / 不满意) and said whether the problem is solved. */
export class GrievanceEvaluatedV1 {
  @IsUUID() evaluationId: string;
  @IsUUID() grievanceId: string;
  @Matches(TRACKING_CODE_PATTERN) trackingCode: string;
  @IsInt() @Min(1) round: number;
  @IsIn(ANSWER_KINDS) answerKind: AnswerKind;
  @IsIn(EVALUATION_RESULTS) result: EvaluationResult;
  @IsBoolean() resolved: boolean;
  @IsIn(EVALUATION_CHANNELS) channel: EvaluationChannel;
  @IsIn(['staff', 'citizen']) byKind: 'staff' | 'citizen';
  /** The unit whose answer was evaluated, when known. */
  @IsOptional() @Matches(CODE_PATTERN) orgCode?: string;
  @IsISO8601() at: string;
}

/** Not satisfied and sent back (重办): the unit handles it again; its next reply opens a new round. */
export class ReworkRequestedV1 {
  @IsUUID() grievanceId: string;
  @Matches(TRACKING_CODE_PATTERN) trackingCode: string;
  @IsOptional() @IsUUID() assignmentId?: string;
  @IsOptional() @Matches(CODE_PATTERN) orgCode?: string;
  @IsString() @Length(1, 2000) reason: string;
  @IsISO8601() at: string;
}

export const GrievanceEvaluated = defineEvent('supervision.grievance.evaluated', 1, GrievanceEvaluatedV1);
export const ReworkRequested = defineEvent('supervision.grievance.rework_requested', 1, ReworkRequestedV1);
