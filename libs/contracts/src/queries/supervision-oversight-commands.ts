import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CODE_PATTERN, TRACKING_CODE_PATTERN } from '../common';
import { defineQuery } from '../contract';
import { SupervisionActor } from '../events/supervision-aftercare-common';
import { NOTICE_LEVELS, NOTICE_STATES, NOTICE_VERDICTS, type NoticeLevel, type NoticeState, type NoticeVerdict } from '../events/supervision-notice-common';
import type { BacklogPage, CampaignView, CaseOwnerView, NoticePage, NoticeView } from './supervision-oversight-views';

/**
 * Oversight commands and queries (督办单, 包案 / 积案, 专项治理). Refusals: BAD_REQUEST (with the
 * field), NOT_FOUND, CONFLICT (not allowed in this state), FORBIDDEN (not the addressee or the
 * issuer) — the domain's code first in the message, then Chinese and English.
 */
class OversightCommand {
  @ValidateNested() @Type(() => SupervisionActor) by: SupervisionActor;
}

/** A case named both ways: the gateway resolved the tracking code with intake. */
class CaseRef {
  @IsUUID() grievanceId: string;
  @Matches(TRACKING_CODE_PATTERN, { message: 'trackingCode is not a tracking code' }) trackingCode: string;
}

/** 督办单 to the handling unit: demands, a response due in working days, and for 挂牌督办 a fix deadline. */
export class IssueNotice extends OversightCommand {
  @IsUUID() grievanceId: string;
  @Matches(TRACKING_CODE_PATTERN, { message: 'trackingCode is not a tracking code' }) trackingCode: string;
  @IsIn(NOTICE_LEVELS) level: NoticeLevel;
  @IsBoolean() listed: boolean;
  /** The unit that must respond; default the case's lead unit. */
  @IsOptional() @Matches(CODE_PATTERN) orgCode?: string;
  @IsString() @Length(1, 5000) demands: string;
  /** Working days (from the day after issue) for the written response. */
  @IsInt() @Min(1) @Max(60) respondWithinWorkingDays: number;
  /** 挂牌督办 only, and required there: working days to fix the matter. */
  @ValidateIf((o: IssueNotice) => o.listed || o.fixWithinWorkingDays !== undefined) @IsInt() @Min(1) @Max(180) fixWithinWorkingDays?: number;
}

/** The unit's written response: what was done and the result. */
export class RespondToNotice extends OversightCommand {
  @IsUUID() noticeId: string;
  @IsString() @Length(1, 10000) actions: string;
  @IsString() @Length(1, 5000) result: string;
}

/** The issuer accepts the response or rejects it with a reason (a new response is then due). */
export class ReviewNoticeResponse extends OversightCommand {
  @IsUUID() noticeId: string;
  @IsIn(NOTICE_VERDICTS) verdict: NoticeVerdict;
  @IsOptional() @IsString() @Length(1, 5000) note?: string;
  /** After a rejection: working days for the next response; default the notice's own. */
  @IsOptional() @IsInt() @Min(1) @Max(60) respondWithinWorkingDays?: number;
}

export class GetNotice {
  @IsUUID() noticeId: string;
}

/** Notices newest first, keyset-paginated; `overdue` keeps only those past a due date. */
export class NoticeQuery {
  @IsOptional() @Matches(CODE_PATTERN) regionCode?: string;
  @IsOptional() @Matches(CODE_PATTERN) orgCode?: string;
  @IsOptional() @IsUUID() grievanceId?: string;
  @IsOptional() @IsIn(NOTICE_LEVELS) level?: NoticeLevel;
  @IsOptional() @IsIn(NOTICE_STATES) state?: NoticeState;
  @IsOptional() @IsBoolean() overdue?: boolean;
  @IsOptional() @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

/** 包案: a leader takes ownership of the case with a plan; a new owner replaces the old. */
export class AssignCaseOwner extends OversightCommand {
  @IsUUID() grievanceId: string;
  @Matches(TRACKING_CODE_PATTERN, { message: 'trackingCode is not a tracking code' }) trackingCode: string;
  @IsString() @Length(1, 100) leaderUserId: string;
  @IsOptional() @IsString() @Length(1, 100) leaderName?: string;
  @IsString() @Length(1, 5000) plan: string;
}

/** 积案: open cases past the age threshold, repeated often, or past their handling deadline. */
export class BacklogQuery {
  @IsOptional() @Matches(CODE_PATTERN) regionCode?: string;
  @IsOptional() @Matches(CODE_PATTERN) orgCode?: string;
  /** Default: the statutory handling period (60 days, 第三十四条). */
  @IsOptional() @IsInt() @Min(1) @Max(3650) minAgeDays?: number;
  /** Default 3. */
  @IsOptional() @IsInt() @Min(1) @Max(100) minRepeats?: number;
  /** true: owned cases only; false: cases no leader owns yet. */
  @IsOptional() @IsBoolean() owned?: boolean;
  @IsOptional() @IsInt() @Min(1) @Max(200) limit?: number;
  @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

/** 专项治理: a named campaign, optionally with its first cases. */
export class CreateCampaign extends OversightCommand {
  @IsString() @Length(1, 200) name: string;
  @IsOptional() @IsString() @Length(1, 5000) description?: string;
  @IsOptional() @Matches(CODE_PATTERN) regionCode?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => CaseRef) cases?: CaseRef[];
}

export class AddToCampaign extends OversightCommand {
  @IsUUID() campaignId: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => CaseRef) cases: CaseRef[];
}

export class CampaignQuery {
  @IsOptional() @Matches(CODE_PATTERN) regionCode?: string;
  @IsOptional() @IsUUID() campaignId?: string;
}

export const SupervisionIssueNotice = defineQuery<IssueNotice, NoticeView>('supervision.notice.issue', IssueNotice);
export const SupervisionRespondToNotice = defineQuery<RespondToNotice, NoticeView>('supervision.notice.respond', RespondToNotice);
export const SupervisionReviewNoticeResponse = defineQuery<ReviewNoticeResponse, NoticeView>('supervision.notice.review', ReviewNoticeResponse);
export const SupervisionGetNotice = defineQuery<GetNotice, NoticeView>('supervision.notice.get', GetNotice);
export const SupervisionListNotices = defineQuery<NoticeQuery, NoticePage>('supervision.notice.list', NoticeQuery);
export const SupervisionAssignCaseOwner = defineQuery<AssignCaseOwner, CaseOwnerView>('supervision.case_owner.assign', AssignCaseOwner);
export const SupervisionBacklog = defineQuery<BacklogQuery, BacklogPage>('supervision.backlog.list', BacklogQuery);
export const SupervisionCreateCampaign = defineQuery<CreateCampaign, CampaignView>('supervision.campaign.create', CreateCampaign);
export const SupervisionAddToCampaign = defineQuery<AddToCampaign, CampaignView>('supervision.campaign.add', AddToCampaign);
export const SupervisionListCampaigns = defineQuery<CampaignQuery, CampaignView[]>('supervision.campaign.list', CampaignQuery);
