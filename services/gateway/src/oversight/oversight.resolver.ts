import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/roles';
import { AddToCampaignInput, AssignCaseOwnerInput, BacklogListArgs, CreateCampaignInput, IssueNoticeInput, NoticeListArgs, RespondToNoticeInput, ReviewNoticeResponseInput } from './dto/oversight.inputs';
import { BacklogConnectionView, CampaignView, CaseOwnerView, NoticeConnectionView, NoticeView } from './dto/oversight.views';
import { CAMPAIGN_MANAGERS, CASE_OWNER_ASSIGNERS, NOTICE_ISSUERS, NOTICE_READERS, NOTICE_RESPONDERS, OVERSIGHT_READERS } from './oversight-access';
import { OversightDesk } from './oversight-desk.service';

/** 督办单, 包案 / 积案 and 专项治理. */
@Resolver()
export class OversightResolver {
  constructor(private readonly desk: OversightDesk) {}

  @Allow(...NOTICE_ISSUERS)
  @Mutation(() => NoticeView, { description: '签发督办单（可挂牌督办），答复期限按工作日计 / issue a notice; due dates in working days' })
  issueNotice(@CurrentPrincipal() p: Principal, @Args('input') input: IssueNoticeInput): Promise<NoticeView> {
    return this.desk.issueNotice(p, input);
  }

  @Allow(...NOTICE_RESPONDERS)
  @Mutation(() => NoticeView, { description: '承办单位书面答复本单位的督办单 / the unit responds in writing to its own notice' })
  respondToNotice(@CurrentPrincipal() p: Principal, @Args('input') input: RespondToNoticeInput): Promise<NoticeView> {
    return this.desk.respondToNotice(p, input);
  }

  @Allow(...NOTICE_ISSUERS)
  @Mutation(() => NoticeView, { description: '督办单位审核答复：通过或退回 / the issuing body accepts or rejects the response' })
  reviewNoticeResponse(@CurrentPrincipal() p: Principal, @Args('input') input: ReviewNoticeResponseInput): Promise<NoticeView> {
    return this.desk.reviewNoticeResponse(p, input);
  }

  @Allow(...NOTICE_READERS)
  @Query(() => NoticeConnectionView, { description: '督办单列表（可仅看超期）；单位只看本单位 / notices, overdue ones on request; a unit sees its own' })
  notices(@CurrentPrincipal() p: Principal, @Args() a: NoticeListArgs): Promise<NoticeConnectionView> {
    return this.desk.notices(p, a.filter ?? {}, a);
  }

  @Allow(...CASE_OWNER_ASSIGNERS)
  @Mutation(() => CaseOwnerView, { description: '领导包案（领导、起始时间、化解方案）/ a leader owns the case with a plan' })
  assignCaseOwner(@CurrentPrincipal() p: Principal, @Args('input') input: AssignCaseOwnerInput): Promise<CaseOwnerView> {
    return this.desk.assignCaseOwner(p, input);
  }

  @Allow(...OVERSIGHT_READERS)
  @Query(() => BacklogConnectionView, { description: '积案：超过办理期限或重复信访的未结事项 / open cases past the threshold or repeated' })
  backlog(@CurrentPrincipal() p: Principal, @Args() a: BacklogListArgs): Promise<BacklogConnectionView> {
    return this.desk.backlog(p, a.filter ?? {}, a);
  }

  @Allow(...CAMPAIGN_MANAGERS)
  @Mutation(() => CampaignView, { description: '新建专项治理 / create a repeat-grievance campaign' })
  createCampaign(@CurrentPrincipal() p: Principal, @Args('input') input: CreateCampaignInput): Promise<CampaignView> {
    return this.desk.createCampaign(p, input);
  }

  @Allow(...CAMPAIGN_MANAGERS)
  @Mutation(() => CampaignView, { description: '向专项治理添加事项 / add cases to a campaign' })
  addToCampaign(@CurrentPrincipal() p: Principal, @Args('input') input: AddToCampaignInput): Promise<CampaignView> {
    return this.desk.addToCampaign(p, input);
  }

  @Allow(...OVERSIGHT_READERS)
  @Query(() => [CampaignView], { description: '专项治理及进度（总数、办结、超期）/ campaigns with progress counts' })
  campaigns(@CurrentPrincipal() p: Principal, @Args('regionCode', { nullable: true }) regionCode?: string): Promise<CampaignView[]> {
    return this.desk.campaigns(p, regionCode);
  }
}
