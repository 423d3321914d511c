import type { NoticeLevel, NoticeState, NoticeVerdict } from '../events/supervision-notice-common';

/*
 * What supervision answers about its oversight tools: supervision notices (督办单), leader case
 * ownership (包案) with the backlog (积案), and repeat-grievance campaigns (专项治理).
 */

/** One written response of the unit, with the issuer's verdict once given. */
export interface NoticeResponseView {
  round: number;
  /** 办理情况: what the unit did. */
  actions: string;
  /** 办理结果: what came of it. */
  result: string;
  respondedBy: string;
  respondedAt: string;
  onTime: boolean;
  verdict: NoticeVerdict | null;
  reviewNote: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

export interface NoticeView {
  id: string;
  grievanceId: string;
  trackingCode: string;
  level: NoticeLevel;
  /** 挂牌督办. */
  listed: boolean;
  orgCode: string;
  regionCode: string | null;
  demands: string;
  state: NoticeState;
  issuedBy: string;
  issuerOrgCode: string | null;
  issuedAt: string;
  responseDueAt: string;
  fixDueAt: string | null;
  acceptedAt: string | null;
  /** Past the response due date without a response, or listed and past the fix date without acceptance. */
  overdue: boolean;
  responses: NoticeResponseView[];
}

export interface NoticeItem extends NoticeView {
  /** Keyset cursor: pass as `cursor` to continue after this notice. */
  cursor: string;
}

export interface NoticePage {
  items: NoticeItem[];
  nextCursor: string | null;
}

/** 包案: the leader who owns the case, since when, and the plan. */
export interface CaseOwnerView {
  grievanceId: string;
  trackingCode: string;
  leaderUserId: string;
  leaderName: string | null;
  since: string;
  plan: string;
  assignedBy: string;
}

export const BACKLOG_REASONS = ['aged', 'repeated', 'handling_overdue'] as const;
export type BacklogReason = (typeof BACKLOG_REASONS)[number];

/** One case of the backlog (积案) with why it is there, its age, owner and status. */
export interface BacklogItem {
  grievanceId: string;
  trackingCode: string | null;
  regionCode: string;
  orgCode: string;
  categoryCode: string;
  receivedAt: string | null;
  ageDays: number;
  /** Times the matter came again (members of its repeat chain less one). */
  repeats: number;
  handlingOverdue: boolean;
  /** After the reply: the aftercare status; before it: 'handling'. */
  status: string;
  reasons: BacklogReason[];
  owner: CaseOwnerView | null;
  /** Notices not yet accepted on the case. */
  openNotices: number;
  /** Keyset cursor: pass as `cursor` to continue after this case. */
  cursor: string;
}

export interface BacklogPage {
  items: BacklogItem[];
  nextCursor: string | null;
  /** The thresholds applied (the request's or the defaults). */
  minAgeDays: number;
  minRepeats: number;
}

/** 专项治理: a named set of cases tracked together, with progress counts. */
export interface CampaignView {
  id: string;
  name: string;
  description: string | null;
  regionCode: string | null;
  createdBy: string;
  createdAt: string;
  total: number;
  /** No longer open (办结 or withdrawn). */
  closed: number;
  /** Open with a deadline breached. */
  overdue: number;
  trackingCodes: string[];
}
