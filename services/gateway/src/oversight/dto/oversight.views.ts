import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import type { BacklogReason, NoticeLevel, NoticeState, NoticeVerdict } from '@yikouban/contracts';
import { BacklogReasonEnum, NoticeLevelEnum, NoticeStateEnum, NoticeVerdictEnum } from './oversight.enums';

@ObjectType('NoticeResponse', { description: '承办单位的书面答复及审核 / a written response and its review' })
export class NoticeResponseView {
  @Field(() => Int) round: number;
  @Field({ description: '办理情况 / what was done' }) actions: string;
  @Field({ description: '办理结果 / the result' }) result: string;
  @Field() respondedBy: string;
  @Field(() => GraphQLISODateTime) respondedAt: Date;
  @Field() onTime: boolean;
  @Field(() => NoticeVerdictEnum, { nullable: true }) verdict: NoticeVerdict | null;
  @Field(() => String, { nullable: true }) reviewNote: string | null;
  @Field(() => String, { nullable: true }) reviewedBy: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) reviewedAt: Date | null;
}

@ObjectType('SupervisionNotice', { description: '督办单 / a supervision notice' })
export class NoticeView {
  @Field(() => ID) id: string;
  @Field() trackingCode: string;
  @Field(() => NoticeLevelEnum) level: NoticeLevel;
  @Field({ description: '挂牌督办 / listed' }) listed: boolean;
  @Field({ description: '督办对象 / the unit that must respond' }) orgCode: string;
  @Field(() => String, { nullable: true }) regionCode: string | null;
  @Field({ description: '督办要求 / the demands' }) demands: string;
  @Field(() => NoticeStateEnum) state: NoticeState;
  @Field() issuedBy: string;
  @Field(() => String, { nullable: true }) issuerOrgCode: string | null;
  @Field(() => GraphQLISODateTime) issuedAt: Date;
  @Field(() => GraphQLISODateTime, { description: '答复期限 / response due' }) responseDueAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: '整改期限 / fix due (挂牌督办)' }) fixDueAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) acceptedAt: Date | null;
  @Field({ description: '已超期 / past a due date' }) overdue: boolean;
  @Field(() => [NoticeResponseView]) responses: NoticeResponseView[];
}

@ObjectType('SupervisionNoticeEdge')
export class NoticeEdgeView {
  @Field({ description: '从此行之后继续 / pass as `after` to continue after this row' }) cursor: string;
  @Field(() => NoticeView) node: NoticeView;
}

@ObjectType('OversightPageInfo')
export class OversightPageInfoView {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

@ObjectType('SupervisionNoticeConnection', { description: '按签发时间倒序 / newest first, Relay-style' })
export class NoticeConnectionView {
  @Field(() => [NoticeEdgeView]) edges: NoticeEdgeView[];
  @Field(() => OversightPageInfoView) pageInfo: OversightPageInfoView;
}

@ObjectType('CaseOwner', { description: '领导包案 / the leader who owns the case' })
export class CaseOwnerView {
  @Field() trackingCode: string;
  @Field() leaderUserId: string;
  @Field(() => String, { nullable: true }) leaderName: string | null;
  @Field(() => GraphQLISODateTime, { description: '包案起始 / owner since' }) since: Date;
  @Field({ description: '化解方案 / the plan' }) plan: string;
  @Field() assignedBy: string;
}

@ObjectType('BacklogCase', { description: '积案 / a case in the backlog' })
export class BacklogCaseView {
  @Field(() => String, { nullable: true }) trackingCode: string | null;
  @Field() regionCode: string;
  @Field() orgCode: string;
  @Field() categoryCode: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) receivedAt: Date | null;
  @Field(() => Int, { description: '受理至今天数 / days since receipt' }) ageDays: number;
  @Field(() => Int, { description: '重复信访次数 / times it came again' }) repeats: number;
  @Field({ description: '办理期限已过 / handling deadline passed' }) handlingOverdue: boolean;
  @Field({ description: '状态：handling 或答复后的状态 / handling, or the status after the reply' }) status: string;
  @Field(() => [BacklogReasonEnum]) reasons: BacklogReason[];
  @Field(() => CaseOwnerView, { nullable: true }) owner: CaseOwnerView | null;
  @Field(() => Int, { description: '未办结的督办单 / notices not yet accepted' }) openNotices: number;
}

@ObjectType('BacklogCaseEdge')
export class BacklogEdgeView {
  @Field() cursor: string;
  @Field(() => BacklogCaseView) node: BacklogCaseView;
}

@ObjectType('BacklogConnection', { description: '积案，受理最早的在前 / oldest first' })
export class BacklogConnectionView {
  @Field(() => [BacklogEdgeView]) edges: BacklogEdgeView[];
  @Field(() => OversightPageInfoView) pageInfo: OversightPageInfoView;
  @Field(() => Int, { description: '采用的天数阈值 / the age threshold applied' }) minAgeDays: number;
  @Field(() => Int, { description: '采用的重复次数阈值 / the repeat threshold applied' }) minRepeats: number;
}

@ObjectType('Campaign', { description: '专项治理 / a set of cases tracked together' })
export class CampaignView {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => String, { nullable: true }) regionCode: string | null;
  @Field() createdBy: string;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => Int) total: number;
  @Field(() => Int, { description: '已办结或撤回 / no longer open' }) closed: number;
  @Field(() => Int, { description: '超期 / open with a deadline passed' }) overdue: number;
  @Field(() => [String]) trackingCodes: string[];
}
