import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Public } from '../auth/allow.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { RateLimited } from '../auth/rate-limited.decorator';
import type { Principal } from '../auth/roles';
import {
  AnswerReviewInput,
  CloseGrievanceInput,
  EvaluateGrievanceInput,
  EvaluateMyGrievanceInput,
  IndicatorFilter,
  OverdueBoardFilter,
  RequestMyReviewInput,
  RequestReviewInput,
  RequestReworkInput,
  TrackingCodeArgs,
} from './dto/supervision.inputs';
import { AftercareView, CaseDeadlineView, IndicatorRowView, MyAftercareView, OverdueBoardPageView } from './dto/supervision.views';
import { CASE_VIEW_ROLES, CLOSING_ROLES, EVALUATION_RECORDERS, REVIEW_ANSWERERS, REVIEW_RECORDERS } from './supervision-access';
import { SupervisionDesk } from './supervision-desk.service';

/** 督查督办: deadlines and warnings, the overdue board, indicators, and everything after the reply. */
@Resolver()
export class SupervisionResolver {
  constructor(private readonly desk: SupervisionDesk) {}

  @Allow(...CASE_VIEW_ROLES)
  @Query(() => [CaseDeadlineView], { description: '事项的全部时限、预警与督办升级 / every deadline of a case with its warnings and escalation' })
  grievanceDeadlines(@CurrentPrincipal() p: Principal, @Args() a: TrackingCodeArgs): Promise<CaseDeadlineView[]> {
    return this.desk.deadlines(p, a.trackingCode);
  }

  @Allow(...CASE_VIEW_ROLES)
  @Query(() => AftercareView, { description: '答复后的回访、评价、办结与复查复核 / everything after the reply' })
  aftercare(@CurrentPrincipal() p: Principal, @Args() a: TrackingCodeArgs): Promise<AftercareView> {
    return this.desk.aftercare(p, a.trackingCode);
  }

  @Allow(...CASE_VIEW_ROLES)
  @Query(() => OverdueBoardPageView, { description: '超期 / 临期看板（按区域、单位）/ the overdue and near-overdue board' })
  overdueBoard(@CurrentPrincipal() p: Principal, @Args('filter', { nullable: true }) filter?: OverdueBoardFilter): Promise<OverdueBoardPageView> {
    return this.desk.overdueBoard(p, filter ?? {});
  }

  @Allow(...CASE_VIEW_ROLES)
  @Query(() => [IndicatorRowView], { description: '响应率、解决率、满意率等指标（按区域、单位、类别、期间）/ indicators by region, unit, category and period' })
  indicators(@CurrentPrincipal() p: Principal, @Args('filter') filter: IndicatorFilter): Promise<IndicatorRowView[]> {
    return this.desk.indicators(p, filter);
  }

  @Allow(...EVALUATION_RECORDERS)
  @Mutation(() => AftercareView, { description: '记录回访评价（电话录音或上门）/ record the petitioner’s evaluation from a call or visit' })
  evaluateGrievance(@CurrentPrincipal() p: Principal, @Args('input') input: EvaluateGrievanceInput): Promise<AftercareView> {
    return this.desk.evaluate(p, input);
  }

  @Public()
  @RateLimited('public')
  @Mutation(() => MyAftercareView, { description: '群众凭受理编号和查询密码评价 / the citizen evaluates with tracking code and secret' })
  evaluateMyGrievance(@Args('input') input: EvaluateMyGrievanceInput): Promise<MyAftercareView> {
    return this.desk.evaluateMine(input);
  }

  @Allow(...CLOSING_ROLES)
  @Mutation(() => AftercareView, { description: '不满意退回重办 / send a not-satisfied answer back to the unit' })
  requestRework(@CurrentPrincipal() p: Principal, @Args('input') input: RequestReworkInput): Promise<AftercareView> {
    return this.desk.rework(p, input);
  }

  @Allow(...CLOSING_ROLES)
  @Mutation(() => AftercareView, { description: '办结（可附息诉罢访承诺）/ close the matter, optionally with the commitment to cease' })
  closeGrievance(@CurrentPrincipal() p: Principal, @Args('input') input: CloseGrievanceInput): Promise<AftercareView> {
    return this.desk.close(p, input);
  }

  @Allow(...REVIEW_RECORDERS)
  @Mutation(() => AftercareView, { description: '登记复查（30日内）或复核请求，期限外不予受理 / record a review request; refused outside its window' })
  requestReview(@CurrentPrincipal() p: Principal, @Args('input') input: RequestReviewInput): Promise<AftercareView> {
    return this.desk.requestReview(p, input);
  }

  @Public()
  @RateLimited('public')
  @Mutation(() => MyAftercareView, { description: '群众凭受理编号和查询密码请求复查（复核）/ the citizen asks for a review' })
  requestMyReview(@Args('input') input: RequestMyReviewInput): Promise<MyAftercareView> {
    return this.desk.requestMyReview(input);
  }

  @Allow(...REVIEW_ANSWERERS)
  @Mutation(() => AftercareView, { description: '答复复查（复核）请求，复核意见为终局 / answer the pending review; a 复核 answer is final' })
  answerReview(@CurrentPrincipal() p: Principal, @Args('input') input: AnswerReviewInput): Promise<AftercareView> {
    return this.desk.answerReview(p, input);
  }
}
