import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { ASSIGNMENT_ROLES, CODE_PATTERN, TRACKING_CODE_PATTERN, type AssignmentRole } from '../common';

/**
 * The vocabulary of the unit's workbench (交办 → 签收/退回 → 办理 → 答复), shared by routing and its
 * callers. `awaiting_reassignment`: returned as misrouted, back with the command centre;
 * `disputed`: two or more units returned it, the common superior or the joint conference decides.
 */
export const ASSIGNMENT_STATUSES = [
  'created',
  'accepted',
  'in_progress',
  'replied',
  'awaiting_reassignment',
  'disputed',
  'reassigned',
  'handed_over',
  'redirected',
  'closed',
] as const;
export type AssignmentStatusName = (typeof ASSIGNMENT_STATUSES)[number];

/** 信访工作条例 第三十二条: 支持 / 解释说明 / 不予支持. */
export const REPLY_CONCLUSIONS = ['support', 'explain', 'not_support'] as const;
export type ReplyConclusion = (typeof REPLY_CONCLUSIONS)[number];

/** Statutory bodies a case may be handed to instead of petition handling (法定途径优先). */
export const REDIRECT_TARGETS = ['mediation', 'court', 'procuratorate', 'police', 'arbitration', 'administrative'] as const;
export type RedirectTarget = (typeof REDIRECT_TARGETS)[number];

/** Why an assignment moved to another unit. */
export const REASSIGN_CAUSES = ['command_centre', 'handover', 'jurisdiction_decision'] as const;
export type ReassignCause = (typeof REASSIGN_CAUSES)[number];

/** 信访工作条例 第二十四条: the common superior decides, failing that the joint conference. */
export const ESCALATION_BASES = ['common_superior', 'joint_conference'] as const;
export type EscalationBasis = (typeof ESCALATION_BASES)[number];

/** What a progress fact records: a note, an on-site dispatch (外送服务), a co-unit's contribution, a leader taking the case (包案). */
export const PROGRESS_KINDS = ['note', 'dispatch', 'contribution', 'case_leader'] as const;
export type ProgressKind = (typeof PROGRESS_KINDS)[number];

/** Who acted: a user acting for an organisation. */
export class RoutingActor {
  @IsString() @Length(1, 100) userId: string;
  @Matches(CODE_PATTERN) orgCode: string;
}

/** 处理意见书 (信访工作条例 第三十二条): request, facts, reasons, opinion, legal basis, conclusion. */
export class ReplyLetter {
  @IsString() @Length(1, 2000) request: string;
  @IsString() @Length(1, 10000) facts: string;
  @IsString() @Length(1, 5000) reasons: string;
  @IsString() @Length(1, 5000) opinion: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @IsString({ each: true }) @Length(1, 500, { each: true }) legalBasis: string[];
  @IsIn(REPLY_CONCLUSIONS) conclusion: ReplyConclusion;
}

/** Fields every assignment fact carries, so consumers act without asking back. */
export class AssignmentFactBase {
  @IsUUID() assignmentId: string;
  @IsUUID() grievanceId: string;
  @Matches(TRACKING_CODE_PATTERN) trackingCode: string;
  @IsIn(ASSIGNMENT_ROLES) role: AssignmentRole;
  @Matches(CODE_PATTERN) orgCode: string;
  @ValidateNested() @Type(() => RoutingActor) by: RoutingActor;
  @IsISO8601() at: string;
}
