import { IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Matches, Min } from 'class-validator';
import { CODE_PATTERN, TRACKING_CODE_PATTERN } from '../common';
import { defineEvent } from '../contract';
import { ANSWER_KINDS, type AnswerKind } from './supervision-aftercare-common';

/**
 * An answer reached the petitioner (the unit's reply, a 复查 or 复核 opinion): the return visit
 * (回访) is scheduled and an evaluation opened for this round. `dueAt` is absent when no deadline
 * policy of the jurisdiction covers return visits.
 */
export class ReturnVisitScheduledV1 {
  @IsUUID() returnVisitId: string;
  @IsUUID() grievanceId: string;
  @Matches(TRACKING_CODE_PATTERN) trackingCode: string;
  @IsInt() @Min(1) round: number;
  @IsIn(ANSWER_KINDS) answerKind: AnswerKind;
  @IsOptional() @Matches(CODE_PATTERN) orgCode?: string;
  @IsISO8601() answeredAt: string;
  @IsOptional() @IsISO8601() dueAt?: string;
  @IsOptional() @Matches(CODE_PATTERN) policyCode?: string;
}

export const ReturnVisitScheduled = defineEvent('supervision.return_visit.scheduled', 1, ReturnVisitScheduledV1);
