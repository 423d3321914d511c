import { Injectable } from '@nestjs/common';
import {
  IntakeGetGrievance,
  SupervisionAddToCampaign,
  SupervisionAssignCaseOwner,
  SupervisionBacklog,
  SupervisionCreateCampaign,
  SupervisionIssueNotice,
  SupervisionListCampaigns,
  SupervisionListNotices,
  SupervisionRespondToNotice,
  SupervisionReviewNoticeResponse,
  type BacklogPage,
  type CampaignView as CampaignData,
  type CaseOwnerView as CaseOwnerData,
  type NoticeView as NoticeData,
} from '@yikouban/contracts';
import { RpcClient } from '@yikouban/messaging';
import { DomainError } from '@yikouban/service-kit';
import type { Principal } from '../auth/roles';
import { scopedFilter, staffActor } from '../supervision/supervision-access';
import type { AddToCampaignInput, AssignCaseOwnerInput, BacklogFilter, CreateCampaignInput, IssueNoticeInput, NoticeFilter, PageArgs, RespondToNoticeInput, ReviewNoticeResponseInput } from './dto/oversight.inputs';
import type { BacklogConnectionView, CampaignView, CaseOwnerView, NoticeConnectionView, NoticeView } from './dto/oversight.views';

const optional = <K extends string, V>(key: K, v: V | undefined | null): Partial<Record<K, V>> => (v === undefined || v === null ? {} : ({ [key]: v } as Record<K, V>));
const date = (iso: string | null) => (iso ? new Date(iso) : null);
const fieldError = (code: 'FORBIDDEN' | 'BAD_REQUEST', field: string, message: string) => new DomainError(code, message, [{ field, problems: [message] }]);

export const toNotice = (n: NoticeData): NoticeView => ({
  ...n,
  issuedAt: new Date(n.issuedAt),
  responseDueAt: new Date(n.responseDueAt),
  fixDueAt: date(n.fixDueAt),
  acceptedAt: date(n.acceptedAt),
  responses: n.responses.map((r) => ({ ...r, respondedAt: new Date(r.respondedAt), reviewedAt: date(r.reviewedAt) })),
});
const toOwner = (o: CaseOwnerData): CaseOwnerView => ({ ...o, since: new Date(o.since) });
const toCampaign = (c: CampaignData): CampaignView => ({ ...c, createdAt: new Date(c.createdAt) });
const toBacklog = (p: BacklogPage): BacklogConnectionView => {
  const edges = p.items.map(({ cursor, ...i }) => ({ cursor, node: { ...i, receivedAt: date(i.receivedAt), owner: i.owner ? toOwner(i.owner) : null } }));
  return { edges, pageInfo: { hasNextPage: p.nextCursor !== null, endCursor: edges.at(-1)?.cursor ?? null }, minAgeDays: p.minAgeDays, minRepeats: p.minRepeats };
};

/**
 * The gateway's side of 督办单, 包案 / 积案 and 专项治理: resolves tracking codes with intake,
 * holds a unit to its own notices, and passes the signed-in staff member as the actor.
 */
@Injectable()
export class OversightDesk {
  constructor(private readonly rpc: RpcClient) {}

  async issueNotice(p: Principal, i: IssueNoticeInput): Promise<NoticeView> {
    const g = await this.grievance(i.trackingCode);
    return toNotice(
      await this.rpc.request(SupervisionIssueNotice, {
        grievanceId: g.id,
        trackingCode: g.trackingCode,
        level: i.level,
        listed: i.listed,
        ...optional('orgCode', i.orgCode),
        demands: i.demands,
        respondWithinWorkingDays: i.respondWithinWorkingDays,
        ...optional('fixWithinWorkingDays', i.fixWithinWorkingDays),
        by: staffActor(p),
      }),
    );
  }

  /** The unit answers for itself only: the service compares the token's organisation with the notice's. */
  async respondToNotice(p: Principal, i: RespondToNoticeInput): Promise<NoticeView> {
    if (!p.orgCode) throw fieldError('FORBIDDEN', 'input.noticeId', 'no_organisation: 账号未关联单位 / the account belongs to no unit');
    return toNotice(await this.rpc.request(SupervisionRespondToNotice, { noticeId: i.noticeId, actions: i.actions, result: i.result, by: staffActor(p) }));
  }

  async reviewNoticeResponse(p: Principal, i: ReviewNoticeResponseInput): Promise<NoticeView> {
    return toNotice(
      await this.rpc.request(SupervisionReviewNoticeResponse, { noticeId: i.noticeId, verdict: i.verdict, ...optional('note', i.note), ...optional('respondWithinWorkingDays', i.respondWithinWorkingDays), by: staffActor(p) }),
    );
  }

  async notices(p: Principal, f: NoticeFilter, page: PageArgs): Promise<NoticeConnectionView> {
    const s = scopedFilter(p, f, 'filter');
    const grievanceId = s.trackingCode ? (await this.grievance(s.trackingCode)).id : undefined;
    const res = await this.rpc.request(SupervisionListNotices, {
      ...optional('regionCode', s.regionCode),
      ...optional('orgCode', s.orgCode),
      ...optional('grievanceId', grievanceId),
      ...optional('level', s.level),
      ...optional('state', s.state),
      ...optional('overdue', s.overdue),
      ...optional('limit', page.first),
      ...optional('cursor', page.after),
    });
    const edges = res.items.map(({ cursor, ...n }) => ({ cursor, node: toNotice(n) }));
    return { edges, pageInfo: { hasNextPage: res.nextCursor !== null, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  /** A leader owns cases as themself; a supervisor names the leader. */
  async assignCaseOwner(p: Principal, i: AssignCaseOwnerInput): Promise<CaseOwnerView> {
    let leaderUserId = i.leaderUserId;
    if (p.role === 'leader') {
      if (leaderUserId && leaderUserId !== p.id) throw fieldError('FORBIDDEN', 'input.leaderUserId', 'own_cases_only: 领导只能本人包案 / a leader takes ownership as themself');
      leaderUserId = p.id;
    }
    if (!leaderUserId) throw fieldError('BAD_REQUEST', 'input.leaderUserId', 'leader_required: 请指定包案领导 / name the leader who owns the case');
    const g = await this.grievance(i.trackingCode);
    return toOwner(await this.rpc.request(SupervisionAssignCaseOwner, { grievanceId: g.id, trackingCode: g.trackingCode, leaderUserId, ...optional('leaderName', i.leaderName), plan: i.plan, by: staffActor(p) }));
  }

  async backlog(p: Principal, f: BacklogFilter, page: PageArgs): Promise<BacklogConnectionView> {
    const s = scopedFilter(p, f, 'filter');
    return toBacklog(
      await this.rpc.request(SupervisionBacklog, {
        ...optional('regionCode', s.regionCode),
        ...optional('orgCode', s.orgCode),
        ...optional('minAgeDays', s.minAgeDays),
        ...optional('minRepeats', s.minRepeats),
        ...optional('owned', s.owned),
        ...optional('limit', page.first),
        ...optional('cursor', page.after),
      }),
    );
  }

  async createCampaign(p: Principal, i: CreateCampaignInput): Promise<CampaignView> {
    const cases = await this.cases(i.trackingCodes ?? []);
    const regionCode = i.regionCode ?? p.regionCode;
    return toCampaign(await this.rpc.request(SupervisionCreateCampaign, { name: i.name, ...optional('description', i.description), ...optional('regionCode', regionCode), cases, by: staffActor(p) }));
  }

  async addToCampaign(p: Principal, i: AddToCampaignInput): Promise<CampaignView> {
    return toCampaign(await this.rpc.request(SupervisionAddToCampaign, { campaignId: i.campaignId, cases: await this.cases(i.trackingCodes), by: staffActor(p) }));
  }

  async campaigns(p: Principal, regionCode?: string): Promise<CampaignView[]> {
    const s = scopedFilter(p, { ...optional('regionCode', regionCode) }, 'regionCode');
    return (await this.rpc.request(SupervisionListCampaigns, { ...optional('regionCode', s.regionCode) })).map(toCampaign);
  }

  private grievance(trackingCode: string) {
    return this.rpc.request(IntakeGetGrievance, { trackingCode });
  }

  /** Every tracking code must name a grievance (intake answers NOT_FOUND otherwise); repeats collapse. */
  private async cases(trackingCodes: string[]) {
    const unique = [...new Set(trackingCodes)];
    const found = await Promise.all(unique.map((code) => this.grievance(code)));
    return found.map((g) => ({ grievanceId: g.id, trackingCode: g.trackingCode }));
  }
}
