import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  AssignmentAccepted,
  AssignmentCreated,
  AssignmentReplied,
  GrievanceClosed,
  GrievanceFinalized,
  GrievanceReceived,
  ReturnVisitScheduled,
  SupervisionAnswerReview,
  SupervisionCloseGrievance,
  SupervisionGetAftercare,
  SupervisionIndicators,
  SupervisionOverdueBoard,
  SupervisionCaseDeadlines,
  SupervisionRecordEvaluation,
  SupervisionRequestReview,
  SupervisionRequestRework,
  type EventContract,
  type EventEnvelope,
} from '@yikouban/contracts';
import { Namespace, RpcCallError, RpcClient } from '@yikouban/messaging';
import { JetStreamProbe, startServiceUnderTest, waitFor, type RunningService, type ServiceUnderTest } from '@yikouban/testing';
import { ClockSweeper } from '../clock/clock-sweeper';
import { beijingDay } from '../indicators/indicator-math';
import { supervisionService } from '../service';

const DAY = 86_400_000;
const REGION = '330621101';
const staff = { kind: 'staff' as const, userId: 'u-supervisor', orgCode: 'county_supervision' };
const citizen = { kind: 'citizen' as const };
const letter = { request: '追讨工资', facts: '经核实拖欠属实', reasons: '依法应当支付', opinion: '责令限期支付', legalBasis: ['《保障农民工工资支付条例》第十五条'], conclusion: 'support' };

let seq = 0;
/** A grievance of its own category, so each test reads only its own counters. */
function aCase() {
  seq += 1;
  return { grievanceId: randomUUID(), assignmentId: randomUUID(), trackingCode: `330621-26-${String(1000 + seq)}A`, categoryCode: `cat_${seq}_${Date.now() % 100000}` };
}

describe('supervision after the reply, indicators and the overdue board (real events)', () => {
  let sut: ServiceUnderTest;
  let ns: Namespace;
  let svc: RunningService;
  let probe: JetStreamProbe;
  let pg: Client;
  let rpc: RpcClient;

  const publish = <T extends object>(contract: EventContract<T>, data: T) => sut.publish(contract, data);
  const receive = (c: ReturnType<typeof aCase>, at: Date, over: { repeatOf?: string } = {}) =>
    publish(GrievanceReceived, { grievanceId: c.grievanceId, trackingCode: c.trackingCode, channel: 'walk_in', regionCode: REGION, categoryCode: c.categoryCode, headcount: 1, collective: false, receivedAt: at.toISOString(), ...over });
  const assign = (c: ReturnType<typeof aCase>, at: Date) =>
    publish(AssignmentCreated, { assignmentId: c.assignmentId, grievanceId: c.grievanceId, trackingCode: c.trackingCode, role: 'lead', orgCode: 'org_hr', orgName: '县人力资源和社会保障局', regionCode: REGION, ruleId: 'rule-wage', ruleVersion: 1, createdAt: at.toISOString() });
  const fact = (c: ReturnType<typeof aCase>, at: Date) => ({ assignmentId: c.assignmentId, grievanceId: c.grievanceId, trackingCode: c.trackingCode, role: 'lead' as const, orgCode: 'org_hr', by: { userId: 'u-hr', orgCode: 'org_hr' }, at: at.toISOString() });
  const reply = (c: ReturnType<typeof aCase>, at: Date) => publish(AssignmentReplied, { ...fact(c, at), letter: letter as never, contributions: [] });
  const clocks = async (grievanceId: string) => (await pg.query('SELECT * FROM supervision.clock WHERE grievance_id = $1 ORDER BY started_at, step', [grievanceId])).rows;
  const hasHandlingClock = async (grievanceId: string) => (await clocks(grievanceId)).some((k) => k.step === 'handling');
  const aftercareRound = (c: ReturnType<typeof aCase>, round: number) =>
    waitFor(`aftercare round ${round}`, async () => (await pg.query('SELECT round FROM supervision.aftercare WHERE grievance_id = $1', [c.grievanceId])).rows[0]?.round === round);
  const refusal = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (err) {
      if (err instanceof RpcCallError) return err;
      throw err;
    }
    throw new Error('expected a refusal');
  };
  const onStream = async <T>(contract: EventContract<object>, grievanceId: string) =>
    waitFor(`${contract.subject} for the grievance`, async () => {
      const found = (await probe.read(ns.stream('supervision'), ns.subject(contract.subject))).map((m) => m.json<EventEnvelope<T & { grievanceId: string }>>().data).filter((d) => d.grievanceId === grievanceId);
      return found.length ? found : undefined;
    });
  const indicators = (categoryCode: string) => {
    const today = new Date();
    return rpc.request(SupervisionIndicators, { from: beijingDay(new Date(today.getTime() - 90 * DAY)), to: beijingDay(today), regionCode: '330621', categoryCode });
  };

  beforeAll(async () => {
    sut = await startServiceUnderTest(supervisionService, { SUPERVISION_SWEEP_MS: '0' }, { rpcName: 'supervision-aftercare-test' });
    ({ ns, svc, probe, pg, rpc } = sut);
  });

  afterAll(() => sut?.close());

  it('runs the whole ladder: reply → not satisfied → rework → satisfied → closed → 复查 → 复核 → final, and counts it', async () => {
    const c = aCase();
    const t0 = new Date(Date.now() - 20 * DAY);
    await receive(c, t0);
    await assign(c, t0);
    await waitFor('the handling clock', () => hasHandlingClock(c.grievanceId));
    await publish(AssignmentAccepted, fact(c, new Date(t0.getTime() + 3_600_000)));
    await reply(c, new Date(t0.getTime() + 5 * DAY));
    await aftercareRound(c, 1);

    const first = await rpc.request(SupervisionGetAftercare, { trackingCode: c.trackingCode });
    expect(first).toMatchObject({ status: 'awaiting_evaluation', round: 1, final: false, lastAnswer: { kind: 'reply', orgCode: 'org_hr' }, reviewWindow: { level: 'review' } });
    expect(first.returnVisit).toMatchObject({ round: 1, answerKind: 'reply', completedAt: null });
    expect(first.returnVisit?.dueAt).not.toBeNull();
    const afterReply = await clocks(c.grievanceId);
    // Registration (第二十二条) ran from the receipt to the assignment, both at t0.
    expect(afterReply.map((k) => [k.step, k.state])).toEqual([['handling', 'stopped'], ['registration', 'stopped'], ['return_visit', 'running']]);
    await onStream(ReturnVisitScheduled, c.grievanceId);

    const notSatisfied = await rpc.request(SupervisionRecordEvaluation, { trackingCode: c.trackingCode, result: 'not_satisfied', resolved: false, channel: 'recorded_call', by: staff });
    expect(notSatisfied.status).toBe('not_satisfied');
    expect((await refusal(rpc.request(SupervisionRecordEvaluation, { trackingCode: c.trackingCode, result: 'satisfied', resolved: true, channel: 'recorded_call', by: staff }))).code).toBe('CONFLICT');
    expect((await rpc.request(SupervisionRequestRework, { trackingCode: c.trackingCode, reason: '工资尚未到账', by: staff })).status).toBe('rework');

    await reply(c, new Date(t0.getTime() + 8 * DAY));
    await aftercareRound(c, 2);
    const satisfied = await rpc.request(SupervisionRecordEvaluation, { trackingCode: c.trackingCode, result: 'satisfied', resolved: true, channel: 'citizen_portal', by: citizen });
    expect(satisfied).toMatchObject({ status: 'evaluated', round: 2 });
    const closed = await rpc.request(SupervisionCloseGrievance, { trackingCode: c.trackingCode, ceaseCommitment: true, by: staff });
    expect(closed).toMatchObject({ status: 'closed', closure: { ceaseCommitment: true } });
    expect((await onStream<{ evaluationResult: string; final: boolean }>(GrievanceClosed, c.grievanceId))[0]).toMatchObject({ evaluationResult: 'satisfied', final: false, ceaseCommitment: true });

    // 复查 by the citizen within 30 days of the (second) reply reopens the matter; the answer clock runs 30 days.
    const review = await rpc.request(SupervisionRequestReview, { trackingCode: c.trackingCode, reason: '对补发金额有异议', by: citizen });
    expect(review).toMatchObject({ status: 'review_requested', reviews: [{ level: 'review', answeredAt: null }] });
    expect((await clocks(c.grievanceId)).find((k) => k.step === 'review_answer')).toMatchObject({ policy_code: 'review_answer_30d', state: 'running' });
    const reviewed = await rpc.request(SupervisionAnswerReview, { trackingCode: c.trackingCode, conclusion: 'upheld', opinion: '维持原处理意见', by: { ...staff, orgCode: 'city_petition' } });
    expect(reviewed).toMatchObject({ status: 'awaiting_evaluation', round: 3, lastAnswer: { kind: 'review', orgCode: 'city_petition' }, reviewWindow: { level: 'recheck' } });
    expect(reviewed.reviews[0]).toMatchObject({ conclusion: 'upheld', onTime: true });

    const recheck = await rpc.request(SupervisionRequestReview, { trackingCode: c.trackingCode, level: 'recheck', reason: '仍有异议', by: citizen });
    expect(recheck.status).toBe('recheck_requested');
    const final = await rpc.request(SupervisionAnswerReview, { trackingCode: c.trackingCode, conclusion: 'upheld', opinion: '维持复查意见', by: { ...staff, orgCode: 'province_petition' } });
    expect(final).toMatchObject({ final: true, reviewWindow: null, round: 4 });
    await onStream(GrievanceFinalized, c.grievanceId);
    const again = await refusal(rpc.request(SupervisionRequestReview, { trackingCode: c.trackingCode, reason: '再次请求', by: citizen }));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toContain('第三十六条');
    expect((await clocks(c.grievanceId)).filter((k) => k.state !== 'stopped').map((k) => k.step)).toEqual(['return_visit']);

    const [row] = await indicators(c.categoryCode);
    expect(row.counts).toMatchObject({ received: 1, assigned: 1, responded: 1, replied: 2, repliedOnTime: 2, repliedLate: 0, evaluated: 2, satisfied: 1, notSatisfied: 1, resolved: 1, closed: 1 });
    expect(row.rates).toMatchObject({ responseRate: 1, satisfactionRate: 0.5, resolutionRate: 0.5, onTimeRate: 1, repeatRate: 0 });
    // Reopened by the 复查 and not closed again since: open.
    expect(row.backlog).toBe(1);
  });

  it('refuses a 复查 asked after its 30-day window, with the reason; staff may record a letter sent in time', async () => {
    const late = aCase();
    const t0 = new Date(Date.now() - 60 * DAY);
    await receive(late, t0);
    await reply(late, new Date(t0.getTime() + 10 * DAY));
    await aftercareRound(late, 1);
    const refused = await refusal(rpc.request(SupervisionRequestReview, { trackingCode: late.trackingCode, reason: '不服', by: citizen }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/^window_closed: 复查请求期限已于.*第三十五条/);
    expect(refused.fields?.[0].field).toBe('requestedAt');
    expect((await rpc.request(SupervisionGetAftercare, { trackingCode: late.trackingCode })).status).toBe('awaiting_evaluation');

    const inTime = new Date(t0.getTime() + 25 * DAY).toISOString();
    const recorded = await rpc.request(SupervisionRequestReview, { trackingCode: late.trackingCode, reason: '来信邮戳在期限内', requestedAt: inTime, by: staff });
    expect(recorded.reviews[0]).toMatchObject({ level: 'review', requestedAt: inTime });
    // The citizen cannot back-date a request.
    const other = aCase();
    await reply(other, new Date(Date.now() - DAY));
    await aftercareRound(other, 1);
    expect((await refusal(rpc.request(SupervisionRequestReview, { trackingCode: other.trackingCode, reason: 'x', requestedAt: inTime, by: citizen }))).code).toBe('FORBIDDEN');
  });

  it('refuses bad input and unknown grievances with clear codes, writing nothing', async () => {
    const bad = await refusal(rpc.request(SupervisionRecordEvaluation, { trackingCode: '330621-26-0000Z', result: 'great', resolved: true, channel: 'recorded_call', by: staff } as never));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.fields?.map((f) => f.field)).toContain('result');
    const unknown = await refusal(rpc.request(SupervisionCloseGrievance, { trackingCode: '330621-26-0000Z', ceaseCommitment: false, note: 'x', by: staff }));
    expect(unknown.code).toBe('NOT_FOUND');
    const c = aCase();
    await reply(c, new Date(Date.now() - DAY));
    await aftercareRound(c, 1);
    const noNote = await refusal(rpc.request(SupervisionCloseGrievance, { trackingCode: c.trackingCode, ceaseCommitment: false, by: staff }));
    expect(noNote).toMatchObject({ code: 'BAD_REQUEST', fields: [{ field: 'note', problems: [expect.any(String)] }] });
    const wrongChannel = await refusal(rpc.request(SupervisionRecordEvaluation, { trackingCode: c.trackingCode, result: 'satisfied', resolved: true, channel: 'recorded_call', by: citizen }));
    expect(wrongChannel.code).toBe('FORBIDDEN');
    expect((await pg.query('SELECT count(*)::int AS n FROM supervision.evaluation WHERE grievance_id = $1', [c.grievanceId])).rows[0].n).toBe(0);
  });

  it('shows breached and near-overdue clocks on the board, counts the breach and the late reply', async () => {
    const overdue = aCase();
    const near = aCase();
    const now = Date.now();
    await receive(overdue, new Date(now - 70 * DAY));
    await assign(overdue, new Date(now - 70 * DAY));
    await receive(near, new Date(now - 40 * DAY), { repeatOf: overdue.grievanceId });
    await assign(near, new Date(now - 40 * DAY));
    await waitFor('both handling clocks', async () => (await hasHandlingClock(overdue.grievanceId)) && (await hasHandlingClock(near.grievanceId)));
    await svc.app.get(ClockSweeper).sweep(new Date(now));

    const board = await rpc.request(SupervisionOverdueBoard, { regionCode: '330621', orgCode: 'org_hr' });
    const mine = board.items.filter((i) => i.grievanceId === overdue.grievanceId || i.grievanceId === near.grievanceId);
    expect(mine.map((i) => [i.trackingCode, i.kind, i.state])).toEqual([
      [overdue.trackingCode, 'overdue', 'breached'],
      [near.trackingCode, 'near_overdue', 'running'],
    ]);
    // Ten days past the deadline: the chain has climbed to discipline inspection.
    expect(mine[0]).toMatchObject({ escalationLevel: 4, escalatedTo: 'discipline_inspection', categoryCode: overdue.categoryCode, orgCode: 'org_hr' });
    expect(mine[0].shareUsed).toBeGreaterThan(1);
    expect(mine[1]).toMatchObject({ warningsSent: 1 });
    expect(board.overdue).toBeGreaterThanOrEqual(1);
    const onlyNear = await rpc.request(SupervisionOverdueBoard, { regionCode: '330621', kind: 'near_overdue' });
    expect(onlyNear.items.every((i) => i.kind === 'near_overdue')).toBe(true);
    expect((await rpc.request(SupervisionOverdueBoard, { orgCode: 'org_other' })).items).toEqual([]);
    const page = await rpc.request(SupervisionOverdueBoard, { regionCode: '330621', limit: 1 });
    expect(page.items).toHaveLength(1);
    expect(page.nextCursor).not.toBeNull();
    const next = await rpc.request(SupervisionOverdueBoard, { regionCode: '330621', limit: 1, cursor: page.nextCursor! });
    expect(next.items[0].clockId).not.toBe(page.items[0].clockId);

    const deadlines = await rpc.request(SupervisionCaseDeadlines, { grievanceId: overdue.grievanceId });
    const handling = deadlines.find((d) => d.step === 'handling');
    expect(handling).toMatchObject({ state: 'breached', warningsSent: 2, escalatedTo: 'discipline_inspection' });
    expect(handling?.history.map((h) => h.change)).toEqual(['started', 'breached']);
    // Assigned on the day it came: its registration clock stopped in time and stays off the board.
    expect(deadlines.find((d) => d.step === 'registration')).toMatchObject({ state: 'stopped', escalatedTo: null });

    // The breach comes back from supervision's own stream into the counters; the late reply counts as late.
    const [counted] = await waitFor('the breach counted', async () => {
      const rows = await indicators(overdue.categoryCode);
      return rows[0]?.counts.breached === 1 ? rows : undefined;
    });
    expect(counted.backlog).toBe(1);
    await reply(overdue, new Date(now));
    await waitFor('the late reply counted', async () => (await indicators(overdue.categoryCode))[0]?.counts.repliedLate === 1);
    expect((await indicators(overdue.categoryCode))[0].rates.onTimeRate).toBe(0);
    expect((await indicators(near.categoryCode))[0].rates.repeatRate).toBe(1);
    const off = await rpc.request(SupervisionOverdueBoard, { regionCode: '330621', orgCode: 'org_hr' });
    expect(off.items.map((i) => i.grievanceId)).not.toContain(overdue.grievanceId);
  });

  it('groups indicators by region one level down and refuses a period over a year', async () => {
    const rows = await rpc.request(SupervisionIndicators, { from: beijingDay(new Date(Date.now() - 90 * DAY)), to: beijingDay(new Date()), regionCode: '330621', groupBy: 'region' });
    expect(rows.map((r) => r.key)).toEqual([REGION]);
    expect(rows[0].counts.received).toBeGreaterThanOrEqual(4);
    const tooLong = await refusal(rpc.request(SupervisionIndicators, { from: '2024-01-01', to: '2025-06-01' }));
    expect(tooLong).toMatchObject({ code: 'BAD_REQUEST', fields: [{ field: 'to', problems: [expect.any(String)] }] });
  });
});
