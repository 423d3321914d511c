import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { CODE_PATTERN, TRACKING_CODE_PATTERN } from '../common';
import { defineQuery } from '../contract';
import { SupervisionActor } from '../events/supervision-aftercare-common';
import {
  EVALUATION_VOTES,
  EVALUATOR_KINDS,
  type EvaluationVote,
  type EvaluatorKind,
  type PublicEvaluationOpinion,
} from '../events/supervision-public-evaluation-events';

/*
 * 阳光信访公开评议 over request/reply. Refusals: BAD_REQUEST with the field; NOT_FOUND; CONFLICT
 * (a session already open on the matter, a second vote, not on the panel, already concluded).
 */

export class Evaluator {
  @IsString() @Length(1, 100) id: string;
  @IsString() @Length(1, 100) name: string;
  @IsIn(EVALUATOR_KINDS) kind: EvaluatorKind;
}

export class OpenPublicEvaluation {
  @ValidateIf((o: OpenPublicEvaluation) => o.trackingCode === undefined) @IsUUID() grievanceId?: string;
  @ValidateIf((o: OpenPublicEvaluation) => o.grievanceId === undefined) @Matches(TRACKING_CODE_PATTERN, { message: 'trackingCode is not a tracking code' }) trackingCode?: string;
  /** The contested question put to the panel. */
  @IsString() @Length(1, 2000) matter: string;
  @ArrayMinSize(3) @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => Evaluator) panel: Evaluator[];
  /** How many evaluators must vote (abstaining counts) for an opinion; default a majority of the panel. */
  @IsOptional() @IsInt() @Min(1) @Max(100) quorum?: number;
  @ValidateNested() @Type(() => SupervisionActor) by: SupervisionActor;
}

export class RecordEvaluationVote {
  @IsUUID() publicEvaluationId: string;
  @IsString() @Length(1, 100) evaluatorId: string;
  @IsIn(EVALUATION_VOTES) vote: EvaluationVote;
  @IsOptional() @IsString() @Length(1, 2000) remarks?: string;
  @ValidateNested() @Type(() => SupervisionActor) by: SupervisionActor;
}

export class ConcludePublicEvaluation {
  @IsUUID() publicEvaluationId: string;
  /** The panel's written recommendations to the petitioner and the government. */
  @IsOptional() @IsString() @Length(1, 5000) recommendations?: string;
  @ValidateNested() @Type(() => SupervisionActor) by: SupervisionActor;
}

export class GetPublicEvaluation {
  @IsUUID() publicEvaluationId: string;
}

export const PUBLIC_EVALUATION_STATUSES = ['open', 'concluded'] as const;

/** The sessions held, newest first; the gateway scopes an account with a region to its subtree. */
export class ListPublicEvaluations {
  @IsOptional() @IsIn(PUBLIC_EVALUATION_STATUSES) status?: (typeof PUBLIC_EVALUATION_STATUSES)[number];
  @IsOptional() @IsUUID() grievanceId?: string;
  /** The grievance's region and below; a grievance whose region supervision does not know is left out. */
  @IsOptional() @Matches(CODE_PATTERN) regionCode?: string;
  @IsOptional() @IsInt() @Min(1) @Max(100) limit?: number;
  @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

export interface EvaluatorView {
  id: string;
  name: string;
  kind: EvaluatorKind;
  vote: EvaluationVote | null;
  remarks: string | null;
  votedAt: string | null;
}

export interface PublicEvaluationView {
  id: string;
  grievanceId: string;
  trackingCode: string | null;
  matter: string;
  status: 'open' | 'concluded';
  quorum: number;
  panel: EvaluatorView[];
  tally: { support: number; oppose: number; abstain: number; notVoted: number };
  opinion: PublicEvaluationOpinion | null;
  /** The rule the opinion was computed by, stated. */
  rule: string;
  recommendations: string | null;
  openedAt: string;
  openedBy: string | null;
  concludedAt: string | null;
}

export interface PublicEvaluationPage {
  /** Each with its keyset cursor: pass it as `cursor` to continue after that row. */
  items: (PublicEvaluationView & { cursor: string })[];
  nextCursor: string | null;
}

export const SupervisionGetPublicEvaluation = defineQuery<GetPublicEvaluation, PublicEvaluationView>('supervision.public_evaluation.get', GetPublicEvaluation);
export const SupervisionOpenPublicEvaluation = defineQuery<OpenPublicEvaluation, PublicEvaluationView>('supervision.public_evaluation.open', OpenPublicEvaluation);
export const SupervisionRecordEvaluationVote = defineQuery<RecordEvaluationVote, PublicEvaluationView>('supervision.public_evaluation.vote', RecordEvaluationVote);
export const SupervisionConcludePublicEvaluation = defineQuery<ConcludePublicEvaluation, PublicEvaluationView>('supervision.public_evaluation.conclude', ConcludePublicEvaluation);
export const SupervisionListPublicEvaluations = defineQuery<ListPublicEvaluations, PublicEvaluationPage>('supervision.public_evaluation.list', ListPublicEvaluations);
