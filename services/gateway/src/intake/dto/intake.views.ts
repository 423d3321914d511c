import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Channel, GrievanceStatus, ReceivingLevel } from '@yikouban/contracts';
import { ChannelEnum, GrievanceStatusEnum } from '../../grievance/dto/grievance.enums';
import { DuplicateReasonEnum, ReceivingLevelEnum } from './intake.enums';

@ObjectType('MaskedPetitioner', { description: '脱敏的信访人 / a petitioner as staff see them: 高*国, 138****0000, 110***********1234' })
export class MaskedPetitionerView {
  @Field() name: string;
  @Field(() => String, { nullable: true }) phone: string | null;
  @Field(() => String, { nullable: true }) idNumber: string | null;
}

@ObjectType('GrievanceSkipLevel', { description: '越级 / received above the competent level with no record there first (逐级走访)' })
export class SkipLevelView {
  @Field(() => ReceivingLevelEnum) receivedAtLevel: ReceivingLevel;
  @Field(() => ReceivingLevelEnum, { description: '应先受理的层级 / the level that should have received it' }) competentLevel: ReceivingLevel;
  @Field() competentRegionCode: string;
  @Field({ description: '已引导至有权处理的层级 / the petitioner was sent to the competent level (policy redirect)' }) redirected: boolean;
}

@ObjectType('GrievanceRecord', { description: '诉求登记信息 (信访人已脱敏) / a grievance as intake registered it, the petitioner masked' })
export class GrievanceRecordView {
  @Field(() => ID) id: string;
  @Field() trackingCode: string;
  @Field(() => GrievanceStatusEnum) status: GrievanceStatus;
  @Field(() => ChannelEnum) channel: Channel;
  @Field() regionCode: string;
  @Field(() => String, { nullable: true }) categoryCode: string | null;
  @Field() description: string;
  @Field(() => Int) headcount: number;
  @Field({ description: '群体访 / collective' }) collective: boolean;
  @Field({ description: '初信初访 / first-time' }) firstTime: boolean;
  @Field(() => ID, { nullable: true, description: '重复信访：前一件 / the grievance this one repeats' }) repeatOf: string | null;
  @Field(() => ReceivingLevelEnum, { nullable: true }) receivedAtLevel: ReceivingLevel | null;
  @Field(() => SkipLevelView, { nullable: true, description: '越级 / skip-level, if it is' }) skipLevel: SkipLevelView | null;
  @Field({ description: '检举控告 / a report against officials' }) accusation: boolean;
  @Field({ description: '匿名 / anonymous' }) anonymous: boolean;
  @Field(() => MaskedPetitionerView, { nullable: true, description: '信访人 (脱敏) / the petitioner, masked; null when anonymous or withheld' }) petitioner: MaskedPetitionerView | null;
  @Field({ description: '检举人身份对承办单位保密 (第三十条) / the reporter is withheld from this viewer (Art 30)' }) petitionerWithheld: boolean;
  @Field(() => [MaskedPetitionerView]) representatives: MaskedPetitionerView[];
  @Field(() => ID, { nullable: true, description: '已并入的主件 / merged into this grievance' }) mergedInto: string | null;
  @Field(() => GraphQLISODateTime) receivedAt: Date;
}

@ObjectType('GrievanceEdge')
export class GrievanceEdgeView {
  @Field() cursor: string;
  @Field(() => GrievanceRecordView) node: GrievanceRecordView;
}

@ObjectType('GrievancePageInfo')
export class GrievancePageInfoView {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

@ObjectType('GrievanceConnection', { description: '诉求列表 (新到旧) / grievances, newest first' })
export class GrievanceConnectionView {
  @Field(() => [GrievanceEdgeView]) edges: GrievanceEdgeView[];
  @Field(() => GrievancePageInfoView) pageInfo: GrievancePageInfoView;
  @Field(() => Int, { description: '符合条件的总数 / how many match the filter' }) totalCount: number;
}

@ObjectType('RegisteredGrievance', { description: '登记结果 / what registration gives back; the secret is shown this once' })
export class RegisteredGrievanceView {
  @Field(() => ID) id: string;
  @Field({ description: '受理编号 / tracking code' }) trackingCode: string;
  @Field({ description: '查询密码 (仅显示一次) / the citizen’s secret, shown once' }) secret: string;
  @Field(() => GrievanceStatusEnum) status: GrievanceStatus;
  @Field(() => GraphQLISODateTime) receivedAt: Date;
  @Field() firstTime: boolean;
  @Field(() => ID, { nullable: true }) repeatOf: string | null;
  @Field(() => SkipLevelView, { nullable: true }) skipLevel: SkipLevelView | null;
}

@ObjectType('SubmittedGrievance', { description: '提交成功 / the citizen’s receipt: keep the code and the secret to follow the grievance' })
export class SubmittedGrievanceView {
  @Field({ description: '受理编号 / tracking code' }) trackingCode: string;
  @Field({ description: '查询密码 (仅显示一次) / the secret, shown once' }) secret: string;
  @Field(() => GraphQLISODateTime) receivedAt: Date;
}

@ObjectType('TrackingTimelineEntry', { description: '办理进程 / one public step: received, triaged (accepted or guided to its statutory road, with the reason), assigned (unit name), deadline_set, replied, evaluated, closed, withdrawn, mediation_returned' })
export class TrackingTimelineEntryView {
  @Field(() => GraphQLISODateTime) at: Date;
  @Field() kind: string;
  @Field({ description: 'JSON: 该步骤的公开信息 / the step’s public facts' }) detail: string;
}

@ObjectType('GrievanceTracking', { description: '群众查询 / what the citizen holding code and secret sees: no identity, no staff' })
export class GrievanceTrackingView {
  @Field() trackingCode: string;
  @Field(() => GrievanceStatusEnum) status: GrievanceStatus;
  @Field(() => ChannelEnum) channel: Channel;
  @Field(() => GraphQLISODateTime) receivedAt: Date;
  @Field(() => String, { nullable: true, description: '承办单位 / the handling unit (name only)' }) leadUnitName: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: '办理时限 / when it is due' }) dueAt: Date | null;
  @Field(() => [TrackingTimelineEntryView]) timeline: TrackingTimelineEntryView[];
}

@ObjectType('DuplicateSuggestion', { description: '疑似重复件 / a grievance that may be the same matter' })
export class DuplicateSuggestionView {
  @Field(() => ID) id: string;
  @Field() trackingCode: string;
  @Field(() => Int, { nullable: true }) distanceMetres: number | null;
  @Field(() => Float, { description: '文本相似度 0–1 / text similarity' }) similarity: number;
  @Field(() => [DuplicateReasonEnum]) reasons: ('nearby' | 'similar_text')[];
}

@ObjectType('GrievanceMerge', { description: '合并结果：两件均保留并关联 / both records stay, linked' })
export class GrievanceMergeView {
  @Field(() => ID, { description: '并入的重复件 / the duplicate' }) id: string;
  @Field(() => ID, { description: '主件 / the primary' }) mergedInto: string;
}

@ObjectType('PetitionerIdentity', { description: '信访人完整身份 (已审计) / a petitioner in full; the read is audited' })
export class PetitionerIdentityView {
  @Field() name: string;
  @Field(() => String, { nullable: true }) phone: string | null;
  @Field(() => String, { nullable: true }) idNumber: string | null;
  @Field(() => String, { nullable: true }) address: string | null;
}

@ObjectType('RevealedPetitioner', { description: '查看信访人身份的结果 / an unmasked read, already in the audit log' })
export class RevealedPetitionerView {
  @Field(() => ID) grievanceId: string;
  @Field(() => ID, { description: '审计记录 / the audit record of this read' }) auditId: string;
  @Field() anonymous: boolean;
  @Field(() => PetitionerIdentityView, { nullable: true }) petitioner: PetitionerIdentityView | null;
  @Field(() => [PetitionerIdentityView]) representatives: PetitionerIdentityView[];
  @Field(() => GraphQLISODateTime) revealedAt: Date;
}
