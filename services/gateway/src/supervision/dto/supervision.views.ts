import { Field, Float, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import type { AftercareStatus, AnswerKind, BoardItem, EvaluationChannel, EvaluationResult, ReviewConclusion, ReviewLevel } from '@yikouban/contracts';
import { ClockStateEnum } from '../../grievance/dto/grievance.enums';
import { AftercareStatusEnum, AnswerKindEnum, EvaluationChannelEnum, EvaluationResultEnum, ReviewConclusionEnum, ReviewLevelEnum } from './supervision.enums';

@ObjectType('ClockChange', { description: '时限变更记录 / one change of a clock, with its cause' })
export class ClockChangeView {
  @Field(() => GraphQLISODateTime) at: Date;
  @Field({ description: 'started, replanned, reanchored, paused, resumed, extended, stopped, breached' }) change: string;
  @Field() cause: string;
}

@ObjectType('CaseDeadline', { description: '时限与预警 / a deadline of the case with its warnings and escalation' })
export class CaseDeadlineView {
  @Field() clockId: string;
  @Field({ description: '环节 / the step it times: handling, feedback, return_visit, review_answer…' }) step: string;
  @Field() policyCode: string;
  @Field(() => ClockStateEnum) state: 'running' | 'paused' | 'stopped' | 'breached';
  @Field(() => GraphQLISODateTime) startedAt: Date;
  @Field(() => GraphQLISODateTime) dueAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) stoppedAt: Date | null;
  @Field(() => [Float], { description: '预警比例 / shares of the time at which it warns' }) warnShares: number[];
  @Field(() => Int, { description: '已发出的临期提醒 / warnings given so far' }) warningsSent: number;
  @Field(() => Int, { description: '督办升级层级，0 = 未超期 / escalation level, 0 before the deadline' }) escalationLevel: number;
  @Field(() => String, { nullable: true, description: 'handling_unit, command_centre, joint_office, discipline_inspection' }) escalatedTo: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) nextAlarmAt: Date | null;
  @Field(() => [ClockChangeView]) history: ClockChangeView[];
}

@ObjectType('OverdueBoardItem', { description: '超期 / 临期事项 / a clock past its deadline or its warning share' })
export class OverdueBoardItemView {
  @Field() clockId: string;
  @Field(() => String, { nullable: true }) trackingCode: string | null;
  @Field() step: string;
  @Field() policyCode: string;
  @Field(() => ClockStateEnum) state: BoardItem['state'];
  @Field({ description: 'overdue (超期) or near_overdue (临期)' }) kind: string;
  @Field(() => GraphQLISODateTime) startedAt: Date;
  @Field(() => GraphQLISODateTime) dueAt: Date;
  @Field(() => Float, { description: '已用时限比例，1 = 到期 / share of the time used now' }) shareUsed: number;
  @Field(() => Int) warningsSent: number;
  @Field(() => Int) escalationLevel: number;
  @Field(() => String, { nullable: true, description: '已升级至：handling_unit（登记环节为 petition_bureau）→ command_centre → joint_office → discipline_inspection / escalated to' }) escalatedTo: string | null;
  @Field(() => String, { nullable: true }) regionCode: string | null;
  @Field(() => String, { nullable: true, description: '承办单位 / the lead unit' }) orgCode: string | null;
  @Field(() => String, { nullable: true }) categoryCode: string | null;
}

@ObjectType('OverdueBoardPage')
export class OverdueBoardPageView {
  @Field(() => [OverdueBoardItemView]) items: OverdueBoardItemView[];
  @Field(() => String, { nullable: true, description: '下一页游标 / pass as cursor for the next page' }) nextCursor: string | null;
  @Field(() => Int, { description: '超期总数 / overdue in the whole filter' }) overdue: number;
  @Field(() => Int, { description: '临期总数 / near-overdue in the whole filter' }) nearOverdue: number;
}

@ObjectType('EvaluationRecord', { description: '满意度评价 / the petitioner’s evaluation of one answer' })
export class EvaluationView {
  @Field() id: string;
  @Field(() => Int) round: number;
  @Field(() => AnswerKindEnum) answerKind: AnswerKind;
  @Field(() => EvaluationResultEnum) result: EvaluationResult;
  @Field({ description: '问题是否解决 / whether the problem is solved' }) resolved: boolean;
  @Field(() => EvaluationChannelEnum) channel: EvaluationChannel;
  @Field({ description: 'staff or citizen' }) byKind: string;
  @Field(() => String, { nullable: true }) comment: string | null;
  @Field(() => GraphQLISODateTime) at: Date;
}

@ObjectType('ReturnVisit', { description: '回访 / the return visit after an answer' })
export class ReturnVisitView {
  @Field() id: string;
  @Field(() => Int) round: number;
  @Field(() => AnswerKindEnum) answerKind: AnswerKind;
  @Field(() => GraphQLISODateTime) scheduledAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'null where no policy sets a deadline' }) dueAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) completedAt: Date | null;
}

@ObjectType('ReviewRequest', { description: '复查 / 复核请求 / a request to review the answer' })
export class ReviewRequestView {
  @Field() id: string;
  @Field(() => ReviewLevelEnum) level: ReviewLevel;
  @Field() reason: string;
  @Field(() => GraphQLISODateTime) requestedAt: Date;
  @Field(() => GraphQLISODateTime) windowEndsAt: Date;
  @Field(() => GraphQLISODateTime, { description: '答复期限（30日）/ when the answer is due' }) answerDueAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) answeredAt: Date | null;
  @Field(() => ReviewConclusionEnum, { nullable: true }) conclusion: ReviewConclusion | null;
  @Field(() => String, { nullable: true }) opinion: string | null;
  @Field(() => Boolean, { nullable: true }) onTime: boolean | null;
}

@ObjectType('ReviewWindow', { description: '可请求的下一级复查（复核）及期限 / the next review that may be asked, and until when' })
export class ReviewWindowView {
  @Field(() => ReviewLevelEnum) level: ReviewLevel;
  @Field(() => GraphQLISODateTime) opensAt: Date;
  @Field(() => GraphQLISODateTime) endsAt: Date;
}

@ObjectType('Closure', { description: '办结 / closure' })
export class ClosureView {
  @Field(() => GraphQLISODateTime) closedAt: Date;
  @Field({ description: '息诉罢访承诺 / the petitioner committed to cease' }) ceaseCommitment: boolean;
  @Field(() => String, { nullable: true }) note: string | null;
}

@ObjectType('AnswerRef')
export class AnswerRefView {
  @Field(() => AnswerKindEnum) kind: AnswerKind;
  @Field(() => String, { nullable: true }) orgCode: string | null;
  @Field(() => GraphQLISODateTime) at: Date;
}

@ObjectType('Aftercare', { description: '答复之后：回访、评价、办结、复查复核 / everything after the reply' })
export class AftercareView {
  @Field() trackingCode: string;
  @Field(() => AftercareStatusEnum) status: AftercareStatus;
  @Field(() => Int) round: number;
  @Field({ description: '复核后终局，不再受理 / final after 复核 (Art 36)' }) final: boolean;
  @Field(() => AnswerRefView) lastAnswer: AnswerRefView;
  @Field(() => ReturnVisitView, { nullable: true }) returnVisit: ReturnVisitView | null;
  @Field(() => [EvaluationView]) evaluations: EvaluationView[];
  @Field(() => [ReviewRequestView]) reviews: ReviewRequestView[];
  @Field(() => ReviewWindowView, { nullable: true }) reviewWindow: ReviewWindowView | null;
  @Field(() => ClosureView, { nullable: true }) closure: ClosureView | null;
}

/** What the citizen sees of their own case: no staff names, no comments of others. */
@ObjectType('MyAftercare', { description: '群众可见的答复后进展 / the citizen’s view after the reply' })
export class MyAftercareView {
  @Field() trackingCode: string;
  @Field(() => AftercareStatusEnum) status: AftercareStatus;
  @Field() final: boolean;
  @Field(() => ReviewWindowView, { nullable: true }) reviewWindow: ReviewWindowView | null;
  @Field(() => [ReviewRequestView]) reviews: ReviewRequestView[];
  @Field(() => EvaluationResultEnum, { nullable: true, description: '本轮评价 / the evaluation of the latest answer' }) myEvaluation: EvaluationResult | null;
}

@ObjectType('IndicatorCounts')
export class IndicatorCountsView {
  @Field(() => Int) received: number;
  @Field(() => Int) repeats: number;
  @Field(() => Int) assigned: number;
  @Field(() => Int) responded: number;
  @Field(() => Int) replied: number;
  @Field(() => Int) repliedOnTime: number;
  @Field(() => Int) repliedLate: number;
  @Field(() => Int) evaluated: number;
  @Field(() => Int) satisfied: number;
  @Field(() => Int) basicallySatisfied: number;
  @Field(() => Int) notSatisfied: number;
  @Field(() => Int) resolved: number;
  @Field(() => Int) closed: number;
  @Field(() => Int, { description: '期内超期件数 / clocks that ran out in the period' }) breached: number;
}

@ObjectType('IndicatorRates', { description: '比率 0–1，无分母时为 null / shares, null when nothing to count' })
export class IndicatorRatesView {
  @Field(() => Float, { nullable: true, description: '响应率 / response rate' }) responseRate: number | null;
  @Field(() => Float, { nullable: true, description: '解决率 / resolution rate' }) resolutionRate: number | null;
  @Field(() => Float, { nullable: true, description: '满意率（满意+基本满意）/ satisfaction rate' }) satisfactionRate: number | null;
  @Field(() => Float, { nullable: true, description: '按期办结率 / on-time rate' }) onTimeRate: number | null;
  @Field(() => Float, { nullable: true, description: '重复信访率 / repeat rate' }) repeatRate: number | null;
}

@ObjectType('IndicatorRow')
export class IndicatorRowView {
  @Field(() => String, { nullable: true, description: '分组键（区域、单位或类别编码）/ the group’s code' }) key: string | null;
  @Field(() => IndicatorCountsView) counts: IndicatorCountsView;
  @Field(() => IndicatorRatesView) rates: IndicatorRatesView;
  @Field(() => Int, { description: '当前积存件数 / open grievances now' }) backlog: number;
  @Field(() => Int, { description: '期内超期件数 / overdue count in the period' }) overdueCount: number;
}
