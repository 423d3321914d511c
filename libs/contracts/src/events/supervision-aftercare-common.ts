import { IsIn, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { CODE_PATTERN } from '../common';

/*
 * The vocabulary of what happens after the reply (信访工作条例 第三十二条至第三十六条): the return
 * visit (回访), the petitioner's evaluation (满意度), closure (办结, 息诉罢访) and the review
 * ladder (复查 → 复核), shared by supervision and its callers.
 */

/** 满意 / 基本满意 / 不满意. */
export const EVALUATION_RESULTS = ['satisfied', 'basically_satisfied', 'not_satisfied'] as const;
export type EvaluationResult = (typeof EVALUATION_RESULTS)[number];

/** How the evaluation reached us: a recorded return-visit call by staff, or the citizen portal (code + secret). */
export const EVALUATION_CHANNELS = ['recorded_call', 'citizen_portal', 'on_site_visit'] as const;
export type EvaluationChannel = (typeof EVALUATION_CHANNELS)[number];

/** 复查 (Art 35, one level up from the replying organ) and 复核 (Art 36, one more level up). */
export const REVIEW_LEVELS = ['review', 'recheck'] as const;
export type ReviewLevel = (typeof REVIEW_LEVELS)[number];

/** The reviewing organ upholds the answer below (维持) or revises it (撤销/变更, the unit handles again). */
export const REVIEW_CONCLUSIONS = ['upheld', 'revised'] as const;
export type ReviewConclusion = (typeof REVIEW_CONCLUSIONS)[number];

/** Which answer a return visit asks about: the unit's reply, the 复查 opinion or the 复核 opinion. */
export const ANSWER_KINDS = ['reply', 'review', 'recheck'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

/**
 * Where a grievance stands after its reply.
 * awaiting_evaluation: the return visit is due; evaluated: satisfied or basically satisfied;
 * not_satisfied: waiting for rework, closure or the petitioner's review request;
 * rework: sent back to the unit (a new reply opens a new round); review_requested /
 * recheck_requested: the organ above is answering; closed: 办结.
 */
export const AFTERCARE_STATUSES = ['awaiting_evaluation', 'evaluated', 'not_satisfied', 'rework', 'review_requested', 'recheck_requested', 'closed'] as const;
export type AftercareStatus = (typeof AFTERCARE_STATUSES)[number];

/** Who acted: staff of an organisation, or the citizen holding the code and secret. */
export class SupervisionActor {
  @IsIn(['staff', 'citizen']) kind: 'staff' | 'citizen';
  /** Staff user id, required for staff; absent for the citizen. */
  @ValidateIf((o: SupervisionActor) => o.kind === 'staff' || o.userId !== undefined) @IsString() @Length(1, 100) userId?: string;
  @IsOptional() @Matches(CODE_PATTERN) orgCode?: string;
}
