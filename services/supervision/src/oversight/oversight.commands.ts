import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  SupervisionAddToCampaign,
  SupervisionAssignCaseOwner,
  SupervisionBacklog,
  SupervisionCreateCampaign,
  SupervisionGetNotice,
  SupervisionIssueNotice,
  SupervisionListCampaigns,
  SupervisionListNotices,
  SupervisionRespondToNotice,
  SupervisionReviewNoticeResponse,
  type BacklogPage,
  type CampaignView,
  type CaseOwnerView,
  type NoticePage,
  type NoticeView,
} from '@yikouban/contracts';
import { validQuery } from '@yikouban/messaging';
import { CampaignService } from './campaign.service';
import { CaseOwnershipService } from './case-ownership.service';
import { NoticeService } from './notice.service';

/** Request/reply door of 督办单, 包案 / 积案 and 专项治理 (the gateway asks; refusals carry their code). */
@Controller()
export class OversightCommands {
  constructor(
    private readonly notices: NoticeService,
    private readonly owners: CaseOwnershipService,
    private readonly campaigns: CampaignService,
  ) {}

  @MessagePattern(SupervisionIssueNotice.subject)
  async issue(@Payload() data: unknown): Promise<NoticeView> {
    return this.notices.issue(await validQuery(SupervisionIssueNotice, data));
  }

  @MessagePattern(SupervisionRespondToNotice.subject)
  async respond(@Payload() data: unknown): Promise<NoticeView> {
    return this.notices.respond(await validQuery(SupervisionRespondToNotice, data));
  }

  @MessagePattern(SupervisionReviewNoticeResponse.subject)
  async review(@Payload() data: unknown): Promise<NoticeView> {
    return this.notices.review(await validQuery(SupervisionReviewNoticeResponse, data));
  }

  @MessagePattern(SupervisionGetNotice.subject)
  async get(@Payload() data: unknown): Promise<NoticeView> {
    return this.notices.get((await validQuery(SupervisionGetNotice, data)).noticeId);
  }

  @MessagePattern(SupervisionListNotices.subject)
  async list(@Payload() data: unknown): Promise<NoticePage> {
    return this.notices.list(await validQuery(SupervisionListNotices, data));
  }

  @MessagePattern(SupervisionAssignCaseOwner.subject)
  async assignOwner(@Payload() data: unknown): Promise<CaseOwnerView> {
    return this.owners.assign(await validQuery(SupervisionAssignCaseOwner, data));
  }

  @MessagePattern(SupervisionBacklog.subject)
  async backlog(@Payload() data: unknown): Promise<BacklogPage> {
    return this.owners.backlog(await validQuery(SupervisionBacklog, data));
  }

  @MessagePattern(SupervisionCreateCampaign.subject)
  async createCampaign(@Payload() data: unknown): Promise<CampaignView> {
    return this.campaigns.create(await validQuery(SupervisionCreateCampaign, data));
  }

  @MessagePattern(SupervisionAddToCampaign.subject)
  async addToCampaign(@Payload() data: unknown): Promise<CampaignView> {
    return this.campaigns.add(await validQuery(SupervisionAddToCampaign, data));
  }

  @MessagePattern(SupervisionListCampaigns.subject)
  async campaignsList(@Payload() data: unknown): Promise<CampaignView[]> {
    return this.campaigns.list(await validQuery(SupervisionListCampaigns, data));
  }
}
