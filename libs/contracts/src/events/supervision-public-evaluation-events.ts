import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Min } from 'class-validator';
import { TRACKING_CODE_PATTERN } from '../common';
import { defineEvent } from '../contract';

/*
 * 阳光信访公开评议: a contested matter is put before a panel (两代表一委员 — 人大代表、党代表、
 * 政协委员 — with lawyers, mediators, community cadres and residents), who vote in public on
 * whether the handling is supported; the opinion goes to the petitioner and the government.
 */

export const EVALUATOR_KINDS = ['npc_deputy', 'party_congress_deputy', 'cppcc_member', 'lawyer', 'mediator', 'community_cadre', 'social_worker', 'community_member'] as const;
export type EvaluatorKind = (typeof EVALUATOR_KINDS)[number];

/** An evaluator supports the handling of the matter, does not, or abstains. */
export const EVALUATION_VOTES = ['support', 'oppose', 'abstain'] as const;
export type EvaluationVote = (typeof EVALUATION_VOTES)[number];

/**
 * The panel's opinion: the handling is supported or not; no_majority when the votes cast tie (or
 * everyone abstained); no_quorum when fewer evaluators voted than the session's quorum.
 */
export const PUBLIC_EVALUATION_OPINIONS = ['handling_supported', 'handling_not_supported', 'no_majority', 'no_quorum'] as const;
export type PublicEvaluationOpinion = (typeof PUBLIC_EVALUATION_OPINIONS)[number];

export class PublicEvaluationOpenedV1 {
  @IsUUID() publicEvaluationId: string;
  @IsUUID() grievanceId: string;
  @IsOptional() @Matches(TRACKING_CODE_PATTERN) trackingCode?: string;
  @IsInt() @Min(1) panelSize: number;
  @IsInt() @Min(1) quorum: number;
  @IsISO8601() openedAt: string;
}

export class PublicEvaluationVoteRecordedV1 {
  @IsUUID() publicEvaluationId: string;
  @IsUUID() grievanceId: string;
  @IsString() @Length(1, 100) evaluatorId: string;
  @IsIn(EVALUATOR_KINDS) evaluatorKind: EvaluatorKind;
  @IsIn(EVALUATION_VOTES) vote: EvaluationVote;
  @IsISO8601() at: string;
}

export class PublicEvaluationConcludedV1 {
  @IsUUID() publicEvaluationId: string;
  @IsUUID() grievanceId: string;
  @IsOptional() @Matches(TRACKING_CODE_PATTERN) trackingCode?: string;
  @IsIn(PUBLIC_EVALUATION_OPINIONS) opinion: PublicEvaluationOpinion;
  /** The rule the opinion was computed by, e.g. majority_of_votes_cast_v1. */
  @IsString() @Length(1, 60) rule: string;
  @IsInt() @Min(0) support: number;
  @IsInt() @Min(0) oppose: number;
  @IsInt() @Min(0) abstain: number;
  @IsInt() @Min(1) quorum: number;
  @IsISO8601() concludedAt: string;
}

export const PublicEvaluationOpened = defineEvent('supervision.public_evaluation.opened', 1, PublicEvaluationOpenedV1);
export const PublicEvaluationVoteRecorded = defineEvent('supervision.public_evaluation.vote_recorded', 1, PublicEvaluationVoteRecordedV1);
export const PublicEvaluationConcluded = defineEvent('supervision.public_evaluation.concluded', 1, PublicEvaluationConcludedV1);
