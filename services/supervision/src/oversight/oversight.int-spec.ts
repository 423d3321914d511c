import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  AssignmentCreated,
  GrievanceReceived,
  GrievanceWithdrawn,
  NoticeIssued,
  NoticeResponded,
  NoticeReviewed,
  SupervisionAddToCampaign,
  SupervisionAssignCaseOwner,
  SupervisionBacklog,
  SupervisionCreateCampaign,
  SupervisionIssueNotice,
  SupervisionListCampaigns,
  SupervisionListNotices,
  SupervisionRespondToNotice,
  SupervisionReviewNoticeResponse,
  type EventContract,
  type EventEnvelope,
} from '@yikouban/contracts';
import { Namespace, RpcCallError, RpcClient } from '@yikouban/messaging';
import { JetStreamProbe, startServiceUnderTest, waitFor, type ServiceUnderTest } from '@yikouban/testing';
import { supervisionService } from '../service';

const DAY = 86_400_000;
const REGION = '330621101';
const supervisor = { kind: 'staff' as const, userId: 'u-supervisor', orgCode: 'joint_office_330621' };
const leader = { kind: 'staff' as const, userId: 'u-leader', orgCode: 'county_leadership' };

let seq = 0;
function aCase() {
  seq += 1;
  return { grievanceId: randomUUID(), assignmentId: randomUUID(), trackingCode: `330621-26-${String(2000 + seq)}B` };
}
type Case = ReturnType<typeof aCase>;

describe('oversight: notices, case owners and the backlog, campaigns (real PG and NATS)', () => {
  let sut: ServiceUnderTest;
  let ns: Namespace;
  let probe: JetStreamProbe;
  let pg: Client;
  let rpc: RpcClient;

  const publish = <T extends object>(contract: EventContract<T>, data: T) => sut.publish(contract, data);
  const receive = (c: Case, at: Date, repeatOf?: string) =>
    publish(GrievanceReceived, { grievanceId: c.grievanceId, trackingCode: c.trackingCode, channel: 'walk_in', regionCode: REGION, categoryCode: 'wages', headcount: 1, collective: false, receivedAt: at.toISOString(), ...(repeatOf ? { repeatOf } : {}) });
  const assign = (c: Case, orgCode: string, at: Date) =>
    publish(AssignmentCreated, { assignmentId: c.assignmentId, grievanceId: c.grievanceId, trackingCode: c.trackingCode, role: 'lead', orgCode, orgName: '县人力资源和社会保障局', regionCode: REGION, ruleId: 'rule-wage', ruleVersion: 1, createdAt: at.toISOString() });
  const caseKnown = (c: Case, orgCode: string) =>
    waitFor(`case ${c.trackingCode} received and at ${orgCode}`, async () => {
      const [row] = (await pg.query('SELECT org_code, open, received_at FROM supervision.supervised_case WHERE grievance_id = $1', [c.grievanceId])).rows;
      return row?.org_code === orgCode && row.open === true && row.received_at !== null;
    });
  const refusal = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (err) {
      if (err instanceof RpcCallError) return err;
      throw err;
    }
    throw new Error('expected a refusal');
  };
  const onStream = async <T>(contract: EventContract<object>, noticeId: string, count: number) =>
    waitFor(`${count} × ${contract.subject}`, async () => {
      const found = (await probe.read(ns.stream('supervision'), ns.subject(contract.subject))).map((m) => m.json<EventEnvelope<T & { noticeId: string }>>().data).filter((d) => d.noticeId === noticeId);
      return found.length >= count ? found : undefined;
    });

  beforeAll(async () => {
    sut = await startServiceUnderTest(supervisionService, { SUPERVISION_SWEEP_MS: '0' }, { rpcName: 'supervision-oversight-test' });
    ({ ns, probe, pg, rpc } = sut);
  });

  afterAll(() => sut?.close());

  it('issues a 挂牌督办 notice to the lead unit, takes its response, rejects, then accepts — each as an event', async () => {
    const c = aCase();
    await receive(c, new Date(Date.now() - 3 * DAY));
    await assign(c, 'org_wages', new Date(Date.now() - 3 * DAY));
    await caseKnown(c, 'org_wages');

    const issued = await rpc.request(SupervisionIssueNotice, {
      grievanceId: c.grievanceId, trackingCode: c.trackingCode, level: 'joint_office', listed: true, demands: '限期核实欠薪并书面报告', respondWithinWorkingDays: 5, fixWithinWorkingDays: 15, by: supervisor,
    });
    expect(issued).toMatchObject({ state: 'issued', orgCode: 'org_wages', regionCode: REGION, listed: true, overdue: false, responses: [] });
    expect(new Date(issued.responseDueAt).getTime()).toBeGreaterThan(Date.now() + 5 * DAY);
    expect(new Date(issued.fixDueAt as string).getTime()).toBeGreaterThan(new Date(issued.responseDueAt).getTime());
    const [event] = await onStream(NoticeIssued, issued.id, 1);
    expect(event).toMatchObject({ grievanceId: c.grievanceId, level: 'joint_office', listed: true, orgCode: 'org_wages', responseDueAt: issued.responseDueAt });

    // Only the unit addressed responds; nothing to review yet.
    expect((await refusal(rpc.request(SupervisionRespondToNotice, { noticeId: issued.id, actions: 'x', result: 'y', by: { kind: 'staff', userId: 'u-x', orgCode: 'org_other' } }))).code).toBe('FORBIDDEN');
    expect((await refusal(rpc.request(SupervisionReviewNoticeResponse, { noticeId: issued.id, verdict: 'accepted', by: supervisor }))).code).toBe('CONFLICT');

    const unit = { kind: 'staff' as const, userId: 'u-wages', orgCode: 'org_wages' };
    const responded = await rpc.request(SupervisionRespondToNotice, { noticeId: issued.id, actions: '已约谈企业负责人', result: '企业承诺月底前支付', by: unit });
    expect(responded).toMatchObject({ state: 'responded', responses: [{ round: 1, onTime: true, verdict: null }] });
    // Only the issuing body reviews, and a rejection says why (nothing written when refused).
    expect((await refusal(rpc.request(SupervisionReviewNoticeResponse, { noticeId: issued.id, verdict: 'accepted', by: unit }))).code).toBe('FORBIDDEN');
    const noNote = await refusal(rpc.request(SupervisionReviewNoticeResponse, { noticeId: issued.id, verdict: 'rejected', by: supervisor }));
    expect(noNote.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(noNote.fields)).toContain('note');

    const rejected = await rpc.request(SupervisionReviewNoticeResponse, { noticeId: issued.id, verdict: 'rejected', note: '未见支付凭证', respondWithinWorkingDays: 2, by: { ...supervisor, userId: 'u-colleague' } });
    expect(rejected).toMatchObject({ state: 'rejected', responses: [{ round: 1, verdict: 'rejected', reviewNote: '未见支付凭证', reviewedBy: 'u-colleague' }] });
    await rpc.request(SupervisionRespondToNotice, { noticeId: issued.id, actions: '督促企业支付', result: '已全额支付，附凭证', by: unit });
    const accepted = await rpc.request(SupervisionReviewNoticeResponse, { noticeId: issued.id, verdict: 'accepted', by: supervisor });
    expect(accepted.state).toBe('accepted');
    expect(accepted.acceptedAt).not.toBeNull();
    expect(accepted.responses.map((r) => [r.round, r.verdict])).toEqual([[1, 'rejected'], [2, 'accepted']]);

    expect((await onStream<{ round: number }>(NoticeResponded, issued.id, 2)).map((e) => e.round).sort()).toEqual([1, 2]);
    const reviews = await onStream<{ verdict: string; responseDueAt?: string }>(NoticeReviewed, issued.id, 2);
    expect(reviews.map((e) => e.verdict).sort()).toEqual(['accepted', 'rejected']);
    expect(reviews.find((e) => e.verdict === 'rejected')?.responseDueAt).toBe(rejected.responseDueAt);
  });

  it('refuses bad input clearly: a listed notice without a fix deadline, a case with no unit', async () => {
    const c = aCase();
    const base = { grievanceId: c.grievanceId, trackingCode: c.trackingCode, level: 'discipline_commission' as const, demands: '说明情况', respondWithinWorkingDays: 3, by: supervisor };
    const noFix = await refusal(rpc.request(SupervisionIssueNotice, { ...base, listed: true }));
    expect(noFix.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(noFix.fields)).toContain('fixWithinWorkingDays');
    const noUnit = await refusal(rpc.request(SupervisionIssueNotice, { ...base, listed: false }));
    expect(noUnit.code).toBe('BAD_REQUEST');
    expect(noUnit.message).toContain('no_handling_unit');
    expect((await pg.query('SELECT count(*)::int AS n FROM supervision.supervision_notice WHERE grievance_id = $1', [c.grievanceId])).rows[0].n).toBe(0);
  });

  it('lists notices by unit and shows the overdue ones', async () => {
    const c = aCase();
    await receive(c, new Date(Date.now() - DAY));
    await assign(c, 'org_overdue', new Date(Date.now() - DAY));
    await caseKnown(c, 'org_overdue');
    const issue = (level: 'supervision_office' | 'joint_office') => rpc.request(SupervisionIssueNotice, { grievanceId: c.grievanceId, trackingCode: c.trackingCode, level, listed: false, demands: '请于期限内答复', respondWithinWorkingDays: 1, by: leader });
    const late = await issue('supervision_office');
    const fresh = await issue('joint_office');
    // Time passes for one of them: its response date is behind us.
    await pg.query(`UPDATE supervision.supervision_notice SET response_due_at = now() - interval '1 hour' WHERE id = $1`, [late.id]);

    const all = await rpc.request(SupervisionListNotices, { orgCode: 'org_overdue' });
    expect(all.items.map((n) => n.id)).toEqual([fresh.id, late.id]);
    const overdue = await rpc.request(SupervisionListNotices, { orgCode: 'org_overdue', overdue: true });
    expect(overdue.items.map((n) => [n.id, n.overdue])).toEqual([[late.id, true]]);
    expect((await rpc.request(SupervisionListNotices, { orgCode: 'org_overdue', overdue: false })).items.map((n) => n.id)).toEqual([fresh.id]);

    const first = await rpc.request(SupervisionListNotices, { orgCode: 'org_overdue', limit: 1 });
    expect(first.nextCursor).not.toBeNull();
    const second = await rpc.request(SupervisionListNotices, { orgCode: 'org_overdue', limit: 1, cursor: first.nextCursor as string });
    expect(second.items.map((n) => n.id)).toEqual([late.id]);
    expect(second.nextCursor).toBeNull();
    expect((await refusal(rpc.request(SupervisionListNotices, { cursor: 'not-a-cursor' }))).code).toBe('BAD_REQUEST');
  });

  it('keeps the backlog from events: aged, repeated ≥ 3 times, with the leader who owns it', async () => {
    const org = 'org_backlog';
    const aged = aCase();
    await receive(aged, new Date(Date.now() - 70 * DAY));
    await assign(aged, org, new Date(Date.now() - 70 * DAY));
    const chain = [aCase(), aCase(), aCase(), aCase()];
    for (const [i, c] of chain.entries()) {
      await receive(c, new Date(Date.now() - (10 - i) * DAY), i > 0 ? chain[i - 1]?.grievanceId : undefined);
      await assign(c, org, new Date(Date.now() - (10 - i) * DAY));
    }
    const fresh = aCase();
    await receive(fresh, new Date(Date.now() - 2 * DAY));
    await assign(fresh, org, new Date(Date.now() - 2 * DAY));
    for (const c of [aged, ...chain, fresh]) await caseKnown(c, org);

    const page = await rpc.request(SupervisionBacklog, { orgCode: org });
    expect(page).toMatchObject({ minAgeDays: 60, minRepeats: 3 });
    const byId = new Map(page.items.map((i) => [i.grievanceId, i]));
    expect(byId.has(fresh.grievanceId)).toBe(false);
    expect(byId.get(aged.grievanceId)).toMatchObject({ ageDays: 70, repeats: 0, handlingOverdue: true, status: 'handling', reasons: ['aged', 'handling_overdue'], owner: null });
    const last = byId.get(chain[3]?.grievanceId as string);
    expect(last).toMatchObject({ repeats: 3, reasons: ['repeated'] });
    expect(page.items[0]?.grievanceId).toBe(aged.grievanceId);

    // A lower threshold is a request option; 包案 shows in the list and filters it.
    expect((await rpc.request(SupervisionBacklog, { orgCode: org, minRepeats: 10, minAgeDays: 1 })).items.map((i) => i.grievanceId)).toContain(fresh.grievanceId);
    const owner = await rpc.request(SupervisionAssignCaseOwner, { grievanceId: aged.grievanceId, trackingCode: aged.trackingCode, leaderUserId: 'u-leader', leaderName: '县长 陈明', plan: '两周内约见当事人并协调企业', by: supervisor });
    expect(owner).toMatchObject({ leaderUserId: 'u-leader', plan: '两周内约见当事人并协调企业', assignedBy: 'u-supervisor' });
    const revised = await rpc.request(SupervisionAssignCaseOwner, { grievanceId: aged.grievanceId, trackingCode: aged.trackingCode, leaderUserId: 'u-leader', plan: '已约见，下周协调', by: leader });
    expect(revised.since).toBe(owner.since);
    expect(revised.leaderName).toBe('县长 陈明');
    const owned = await rpc.request(SupervisionBacklog, { orgCode: org, owned: true });
    expect(owned.items.map((i) => [i.grievanceId, i.owner?.plan])).toEqual([[aged.grievanceId, '已约见，下周协调']]);
    expect((await rpc.request(SupervisionBacklog, { orgCode: org, owned: false })).items.map((i) => i.grievanceId)).not.toContain(aged.grievanceId);

    // Paging walks oldest first without losing a case.
    const p1 = await rpc.request(SupervisionBacklog, { orgCode: org, limit: 2 });
    const p2 = await rpc.request(SupervisionBacklog, { orgCode: org, limit: 10, cursor: p1.nextCursor as string });
    expect([...p1.items, ...p2.items].map((i) => i.grievanceId)).toEqual(page.items.map((i) => i.grievanceId));
  });

  it('tracks a campaign of cases with total, closed and overdue counts', async () => {
    const org = 'org_campaign';
    const old = aCase();
    const a = aCase();
    const b = aCase();
    await receive(old, new Date(Date.now() - 80 * DAY));
    await assign(old, org, new Date(Date.now() - 80 * DAY));
    for (const c of [a, b]) {
      await receive(c, new Date(Date.now() - DAY));
      await assign(c, org, new Date(Date.now() - DAY));
    }
    for (const c of [old, a, b]) await caseKnown(c, org);

    const ref = (c: Case) => ({ grievanceId: c.grievanceId, trackingCode: c.trackingCode });
    const created = await rpc.request(SupervisionCreateCampaign, { name: '欠薪专项治理 2026', regionCode: '330621', cases: [ref(old), ref(a)], by: supervisor });
    expect(created).toMatchObject({ total: 2, closed: 0, overdue: 1 });
    expect((await refusal(rpc.request(SupervisionCreateCampaign, { name: '欠薪专项治理 2026', by: supervisor }))).code).toBe('CONFLICT');
    expect((await refusal(rpc.request(SupervisionAddToCampaign, { campaignId: randomUUID(), cases: [ref(b)], by: supervisor }))).code).toBe('NOT_FOUND');

    const added = await rpc.request(SupervisionAddToCampaign, { campaignId: created.id, cases: [ref(b), ref(a)], by: leader });
    expect(added.total).toBe(3);
    expect(added.trackingCodes.sort()).toEqual([old, a, b].map((c) => c.trackingCode).sort());

    await publish(GrievanceWithdrawn, { grievanceId: b.grievanceId, trackingCode: b.trackingCode, reason: '已自行协商解决', withdrawnAt: new Date().toISOString() });
    await waitFor('withdrawal seen', async () => (await pg.query('SELECT open FROM supervision.supervised_case WHERE grievance_id = $1', [b.grievanceId])).rows[0]?.open === false);
    const [listed] = await rpc.request(SupervisionListCampaigns, { campaignId: created.id });
    expect(listed).toMatchObject({ name: '欠薪专项治理 2026', total: 3, closed: 1, overdue: 1 });
    expect((await rpc.request(SupervisionListCampaigns, { regionCode: '330621' })).map((x) => x.id)).toContain(created.id);
  });
});
