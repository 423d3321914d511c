import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import type { AssignmentRole, AssignmentStatusName, RedirectTarget, ReplyConclusion } from '@yikouban/contracts';
import { AssignmentRoleEnum } from '../../grievance/dto/grievance.enums';
import { AssignmentStatusEnum, ComplexityEnum, DisputeStatusEnum, HandoverStatusEnum, RedirectTargetEnum, ReplyConclusionEnum, StatutoryPathEnum, WarningColourEnum } from './workbench.enums';

/** Wire values pass straight through (the enums map upper-case names onto them); instants become Dates (the DateTime scalar serialises only those). */

@ObjectType('ActingUser', { description: '经办人及其单位 / who acted, for which unit' })
export class ActingUserView {
  @Field() userId: string;
  @Field() unitCode: string;
}

@ObjectType('PendingHandover', { description: '首接负责制：已申请移交、待对方答复 / a handover asked for and not yet answered' })
export class PendingHandoverView {
  @Field(() => ID) handoverId: string;
  @Field() toUnitCode: string;
  @Field() toUnitName: string;
}

@ObjectType('WorkbenchAssignment', { description: '交办事项：承办单位工作台的一行 / one assignment on a unit’s workbench' })
export class WorkbenchAssignmentView {
  @Field(() => ID) id: string;
  @Field(() => ID) grievanceId: string;
  @Field({ description: '受理编号 / tracking code' }) trackingCode: string;
  @Field(() => AssignmentRoleEnum, { description: '主办或协办 / lead or co-handling' }) role: AssignmentRole;
  @Field({ description: '承办单位代码 / the handling unit' }) unitCode: string;
  @Field() unitName: string;
  @Field() regionCode: string;
  @Field(() => AssignmentStatusEnum) status: AssignmentStatusName;
  @Field({ description: '作出交办的分流规则 / the routing rule that made it' }) ruleId: string;
  @Field(() => Int, { description: '该规则的版本 / that rule set’s version' }) ruleVersion: number;
  @Field(() => GraphQLISODateTime, { description: '可退回的期限（交办后5个工作日，第二十三条） / returnable until then' }) returnDeadlineAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) acceptedAt: Date | null;
  @Field(() => ID, { nullable: true, description: '由管辖争议决定作出时不得退回 / set when a jurisdiction decision made it: it binds' }) bindingDecisionId: string | null;
  @Field(() => PendingHandoverView, { nullable: true }) pendingHandover: PendingHandoverView | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime) updatedAt: Date;
}

@ObjectType('AssignmentActivity', { description: '办理记录中的一条 / one entry of the handling record' })
export class AssignmentActivityView {
  @Field(() => GraphQLISODateTime) at: Date;
  @Field({ description: 'accepted, returned, progress_note, dispatched, contributed, replied, case_leader, handover_*, reassigned, escalated, redirected, closed, decided' }) kind: string;
  @Field(() => ActingUserView, { nullable: true }) by: ActingUserView | null;
  @Field({ description: '详情（JSON） / the details, as JSON' }) detail: string;
}

@ObjectType('ReplyContribution', { description: '协办单位对答复的意见 / a co-unit’s text for the lead’s reply' })
export class ReplyContributionView {
  @Field(() => ID) fromAssignmentId: string;
  @Field() unitCode: string;
  @Field() unitName: string;
  @Field() text: string;
  @Field(() => ActingUserView) by: ActingUserView;
  @Field(() => GraphQLISODateTime) at: Date;
}

@ObjectType('ReplyLetter', { description: '信访处理意见书（第三十二条） / the written reply' })
export class ReplyLetterView {
  @Field({ description: '信访请求 / the request' }) request: string;
  @Field({ description: '事实 / facts' }) facts: string;
  @Field({ description: '理由 / reasons' }) reasons: string;
  @Field({ description: '处理意见 / opinion' }) opinion: string;
  @Field(() => [String], { description: '依据 / legal basis' }) legalBasis: string[];
  @Field(() => ReplyConclusionEnum) conclusion: ReplyConclusion;
}

@ObjectType('AssignmentReply', { description: '主办单位的答复 / the lead unit’s reply' })
export class AssignmentReplyView {
  @Field(() => ReplyLetterView) letter: ReplyLetterView;
  @Field(() => [ReplyContributionView]) contributions: ReplyContributionView[];
  @Field(() => ActingUserView) by: ActingUserView;
  @Field(() => GraphQLISODateTime) repliedAt: Date;
}

@ObjectType('CaseLeader', { description: '包案领导 / the leader who owns the case' })
export class CaseLeaderView {
  @Field() name: string;
  @Field() title: string;
}

@ObjectType('WorkbenchAssignmentDetail', { description: '交办事项及其办理记录 / an assignment with its handling record' })
export class WorkbenchAssignmentDetailView extends WorkbenchAssignmentView {
  @Field(() => GraphQLISODateTime, { nullable: true }) returnedAt: Date | null;
  @Field(() => String, { nullable: true }) returnReason: string | null;
  @Field(() => ID, { nullable: true, description: '改派前的交办 / the assignment this one replaces' }) replacesAssignmentId: string | null;
  @Field(() => ID, { nullable: true }) disputeId: string | null;
  @Field(() => CaseLeaderView, { nullable: true }) caseLeader: CaseLeaderView | null;
  @Field(() => [AssignmentActivityView]) timeline: AssignmentActivityView[];
  @Field(() => [ReplyContributionView], { description: '主办看到全部协办意见，协办看到自己的 / the lead sees all, a co-unit its own' }) contributions: ReplyContributionView[];
  @Field(() => AssignmentReplyView, { nullable: true }) reply: AssignmentReplyView | null;
}

@ObjectType('WorkbenchAssignmentEdge')
export class WorkbenchAssignmentEdgeView {
  @Field({ description: '从此行之后继续 / pass as `after` to continue after this row' }) cursor: string;
  @Field(() => WorkbenchAssignmentView) node: WorkbenchAssignmentView;
}

@ObjectType('WorkbenchAssignmentPageInfo')
export class WorkbenchAssignmentPageInfoView {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

@ObjectType('WorkbenchAssignmentConnection', { description: '按交办时间倒序分页 / newest first, Relay-style' })
export class WorkbenchAssignmentConnectionView {
  @Field(() => [WorkbenchAssignmentEdgeView]) edges: WorkbenchAssignmentEdgeView[];
  @Field(() => WorkbenchAssignmentPageInfoView) pageInfo: WorkbenchAssignmentPageInfoView;
}

@ObjectType('Handover', { description: '首接负责制下的移交申请 / a unit asks another to take the case' })
export class HandoverView {
  @Field(() => ID) id: string;
  @Field(() => ID) assignmentId: string;
  @Field(() => ID) grievanceId: string;
  @Field() trackingCode: string;
  @Field() fromUnitCode: string;
  @Field() toUnitCode: string;
  @Field() toUnitName: string;
  @Field() reason: string;
  @Field(() => HandoverStatusEnum) status: string;
  @Field(() => GraphQLISODateTime) requestedAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) decidedAt: Date | null;
  @Field(() => String, { nullable: true }) declineReason: string | null;
  @Field(() => ID, { nullable: true, description: '接收后对方的交办 / the receiving unit’s assignment, once accepted' }) newAssignmentId: string | null;
}

@ObjectType('JurisdictionDisputant', { description: '退回该事项的单位 / a unit that returned the case' })
export class DisputantView {
  @Field(() => ID) assignmentId: string;
  @Field() unitCode: string;
  @Field() unitName: string;
  @Field(() => String, { nullable: true }) reason: string | null;
}

@ObjectType('JurisdictionDecision', { description: '共同上级或联席会议的决定，具有约束力 / the binding decision' })
export class JurisdictionDecisionView {
  @Field() leadUnitCode: string;
  @Field(() => [String]) coUnitCodes: string[];
  @Field() reason: string;
  @Field(() => ActingUserView) by: ActingUserView;
  @Field(() => GraphQLISODateTime) decidedAt: Date;
  @Field(() => [ID], { description: '据此作出的交办 / the assignments it made or confirmed' }) assignmentIds: string[];
}

@ObjectType('JurisdictionDispute', { description: '管辖争议（第二十四条） / units disagree about who must handle a case' })
export class JurisdictionDisputeView {
  @Field(() => ID) id: string;
  @Field(() => ID) grievanceId: string;
  @Field() trackingCode: string;
  @Field(() => DisputeStatusEnum) status: string;
  @Field({ description: 'common_superior（共同上级）或 joint_conference（联席会议）' }) basis: string;
  @Field({ description: '由其决定的机关 / who decides' }) escalatedToUnitCode: string;
  @Field() escalatedToUnitName: string;
  @Field(() => [DisputantView]) disputants: DisputantView[];
  @Field(() => GraphQLISODateTime) openedAt: Date;
  @Field(() => JurisdictionDecisionView, { nullable: true }) decision: JurisdictionDecisionView | null;
}

@ObjectType('TriageDecision', { description: '甄别分流结果；人工调整另存一条并注明所替代的 / a triage decision; an override names the one it replaces' })
export class TriageDecisionView {
  @Field(() => ID) decisionId: string;
  @Field(() => ID) grievanceId: string;
  @Field(() => String, { nullable: true }) categoryCode: string | null;
  @Field(() => StatutoryPathEnum) statutoryPath: string;
  @Field(() => String, { nullable: true, description: 'emergency_110, political_legal, discipline_inspection, progress_report' }) diversion: string | null;
  @Field(() => ComplexityEnum) complexity: string;
  @Field(() => WarningColourEnum) colour: string;
  @Field() colourPolicy: string;
  @Field(() => String, { nullable: true, description: '引导至的机关 / the body the road leads to' }) guidedTo: string | null;
  @Field({ description: 'auto 或调整人 / auto, or who overrode it' }) decidedBy: string;
  @Field(() => GraphQLISODateTime) decidedAt: Date;
  @Field(() => ID, { nullable: true }) replaces: string | null;
  @Field(() => String, { nullable: true }) overrideReason: string | null;
}

@ObjectType('GrievanceRedirect', { description: '导入法定途径（调解、法院、检察院、公安、仲裁、行政） / the case handed to a statutory body' })
export class RedirectView {
  @Field(() => ID) grievanceId: string;
  @Field(() => RedirectTargetEnum) to: RedirectTarget;
  @Field() targetUnitCode: string;
  @Field() targetUnitName: string;
  @Field(() => ID) sourceAssignmentId: string;
  @Field(() => [ID]) closedAssignmentIds: string[];
  @Field(() => GraphQLISODateTime) redirectedAt: Date;
}
