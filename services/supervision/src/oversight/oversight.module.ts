import { Module } from '@nestjs/common';
import { CampaignService } from './campaign.service';
import { CaseOwnershipService } from './case-ownership.service';
import { NoticeService } from './notice.service';
import { OversightCommands } from './oversight.commands';

/**
 * 督办单 (supervision notices), 包案 / 积案 (leader case ownership and the backlog) and 专项治理
 * (repeat-grievance campaigns). Its only event input, the repeat chains, is fed by the profile
 * handler (one durable consumer per subject).
 */
@Module({ controllers: [OversightCommands], providers: [NoticeService, CaseOwnershipService, CampaignService] })
export class OversightModule {}
