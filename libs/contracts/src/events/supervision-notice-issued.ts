import { IsBoolean, IsIn, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
import { CODE_PATTERN, TRACKING_CODE_PATTERN } from '../common';
import { defineEvent } from '../contract';
import { NOTICE_LEVELS, type NoticeLevel } from './supervision-notice-common';

/** A supervision notice (督办单) went to the handling unit; its written response is due. The demands stay in supervision. */
export class NoticeIssuedV1 {
  @IsUUID() noticeId: string;
  @IsUUID() grievanceId: string;
  @Matches(TRACKING_CODE_PATTERN) trackingCode: string;
  @IsIn(NOTICE_LEVELS) level: NoticeLevel;
  /** 挂牌督办: listed, with a deadline to fix the matter. */
  @IsBoolean() listed: boolean;
  /** The unit that must respond. */
  @Matches(CODE_PATTERN) orgCode: string;
  @IsOptional() @Matches(CODE_PATTERN) issuerOrgCode?: string;
  @IsISO8601() responseDueAt: string;
  @IsOptional() @IsISO8601() fixDueAt?: string;
  @IsISO8601() issuedAt: string;
}

export const NoticeIssued = defineEvent('supervision.notice.issued', 1, NoticeIssuedV1);
