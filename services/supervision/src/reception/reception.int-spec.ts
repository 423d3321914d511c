import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  ClockStarted,
  GrievanceReceived,
  PublicEvaluationConcluded,
  ReceptionBooked,
  ReceptionRecorded,
  SupervisionBookReception,
  SupervisionConcludePublicEvaluation,
  SupervisionGetPublicEvaluation,
  SupervisionOpenPublicEvaluation,
  SupervisionOverdueBoard,
  SupervisionReceptionRota,
  SupervisionRecordEvaluationVote,
  SupervisionRecordReception,
  SupervisionRevealReceptionRecord,
  SupervisionAddCalendarOverride,
  SupervisionScheduleReceptionDay,
  type EventContract,
  type EventEnvelope,
  type ScheduleReceptionDay,
} from '@yikouban/contracts';
import { Namespace, RpcCallError, RpcClient } from '@yikouban/messaging';
import { JetStreamProbe, startServiceUnderTest, waitFor, type RunningService, type ServiceUnderTest } from '@yikouban/testing';
import { ChineseDaysSource, dayToIso, dayOfInstant, WorkingCalendar } from '@yikouban/calendar';
import { PiiCipher } from '@yikouban/pii';
import { ClockSweeper } from '../clock/clock-sweeper';
import { supervisionService } from '../service';

const DAY = 86_400_000;
/** The service's key ring in this test, so raw rows can be checked against it. */
const PII_KEYS = `t1:${randomBytes(32).toString('base64')}`;
const REGION = '330621101';
const staff = { kind: 'staff' as const, userId: 'u-clerk', orgCode: 'county_petition_bureau' };
const inDays = (n: number) => dayToIso(dayOfInstant(new Date(Date.now() + n * DAY)));
const national = new WorkingCalendar(new ChineseDaysSource());
/** The first working day at least n days ahead: reception days fall on working days only. */
const workdayIn = (n: number): string => {
  for (let k = n; ; k += 1) if (national.isWorkday(inDays(k))) return inDays(k);
};

let seq = 0;
const aGrievance = () => {
  seq += 1;
  return { grievanceId: randomUUID(), trackingCode: `330621-26-${String(5000 + seq)}R` };
};

describe('leader reception and public evaluation (real PostgreSQL and NATS)', () => {
  let sut: ServiceUnderTest;
  let ns: Namespace;
  let svc: RunningService;
  let probe: JetStreamProbe;
  let pg: Client;
  let rpc: RpcClient;

  const receive = async (g: ReturnType<typeof aGrievance>, firstTime: boolean, at = new Date()) => {
    const data = { grievanceId: g.grievanceId, trackingCode: g.trackingCode, channel: 'walk_in' as const, regionCode: REGION, headcount: 1, collective: false, firstTime, receivedAt: at.toISOString() };
    const env: EventEnvelope<typeof data> = { id: randomUUID(), type: GrievanceReceived.subject, v: 1, occurredAt: new Date().toISOString(), data };
    await probe.publish(ns.subject(GrievanceReceived.subject), env, env.id);
    await waitFor('the grievance in supervision', async () => (await pg.query('SELECT 1 FROM supervision.supervised_case c JOIN supervision.grievance_profile p USING (grievance_id) WHERE c.grievance_id = $1', [g.grievanceId])).rowCount === 1);
  };
  let leaderSeq = 0;
  const schedule = (over: Partial<ScheduleReceptionDay> = {}) => {
    leaderSeq += 1;
    return rpc.request(SupervisionScheduleReceptionDay, {
      leaderId: `leader-${leaderSeq}`,
      leaderName: `副县长${leaderSeq}`,
      orgCode: 'county_government',
      regionCode: '330621',
      day: workdayIn(3),
      slot: 'morning',
      place: '县人民来访接待中心领导接待室',
      legalAdviserId: `lawyer-${leaderSeq}`,
      legalAdviserName: `律师${leaderSeq}`,
      capacity: 2,
      by: staff,
      ...over,
    });
  };
  const refusal = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (err) {
      if (err instanceof RpcCallError) return err;
      throw err;
    }
    throw new Error('expected a refusal');
  };
  const onStream = <T>(contract: EventContract<object>, match: (d: T) => boolean) =>
    waitFor(`${contract.subject} on the stream`, async () => (await probe.read(ns.stream('supervision'), ns.subject(contract.subject))).map((m) => m.json<EventEnvelope<T>>().data).find(match));

  beforeAll(async () => {
    sut = await startServiceUnderTest(supervisionService, { SUPERVISION_SWEEP_MS: '0', SUPERVISION_PII_KEYS: PII_KEYS }, { rpcName: 'supervision-reception-test' });
    ({ ns, svc, probe, pg, rpc } = sut);
  });

  afterAll(() => sut?.close());

  it('puts a leader with a legal adviser on the rota, once per half-day each', async () => {
    const day = await schedule({ day: workdayIn(5), slot: 'afternoon' });
    expect(day).toMatchObject({ slot: 'afternoon', legalAdviserName: expect.stringMatching(/^律师/), capacity: 2, booked: 0, appointments: [] });
    const again = await refusal(schedule({ leaderId: day.leaderId, day: day.day, slot: 'afternoon', legalAdviserId: 'lawyer-other' }));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toMatch(/leader_slot_taken/);
    const adviserTwice = await refusal(schedule({ day: day.day, slot: 'afternoon', legalAdviserId: day.legalAdviserId }));
    expect(adviserTwice.message).toMatch(/adviser_slot_taken/);
    const badDate = await refusal(schedule({ day: '2026-02-30' }));
    expect(badDate.code).toBe('BAD_REQUEST');
    const rota = await rpc.request(SupervisionReceptionRota, { from: inDays(0), to: inDays(10), leaderId: day.leaderId });
    expect(rota.map((d) => d.id)).toEqual([day.id]);
  });

  it('refuses a reception day on a day off of the jurisdiction, naming the date; a make-up Saturday is a working day', async () => {
    const sunday = await refusal(schedule({ day: '2026-03-08' }));
    expect(sunday).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/not_a_working_day.*2026-03-08/) });
    expect(sunday.fields?.[0]?.field).toBe('day');
    const nationalDay = await refusal(schedule({ day: '2025-10-01' }));
    expect(nationalDay.message).toMatch(/not_a_working_day.*2025-10-01/);
    // 调休: Saturday 11 October 2025 was a working day.
    expect(await schedule({ day: '2025-10-11' })).toMatchObject({ day: '2025-10-11' });
    // The county's own day off (an administrator's override) binds its towns, not another county.
    await rpc.request(SupervisionAddCalendarOverride, { jurisdiction: '330621', date: '2026-03-04', kind: 'holiday', note: '县庆（演示）', by: { kind: 'staff', userId: 'u-admin' } });
    const countyHoliday = await refusal(schedule({ day: '2026-03-04', regionCode: '330621101' }));
    expect(countyHoliday.message).toMatch(/not_a_working_day.*2026-03-04/);
    expect(await schedule({ day: '2026-03-04', regionCode: '330699' })).toMatchObject({ day: '2026-03-04' });
    expect((await pg.query(`SELECT count(*)::int AS n FROM supervision.reception_day WHERE day IN ('2026-03-08', '2025-10-01') OR (day = '2026-03-04' AND region_code = '330621101')`)).rows[0].n).toBe(0);
  });

  it('fills a slot to its capacity and no further, even when bookings race', async () => {
    const day = await schedule({ capacity: 2 });
    const grievances = [aGrievance(), aGrievance(), aGrievance(), aGrievance()];
    for (const g of grievances) await receive(g, false);
    const results = await Promise.allSettled(grievances.map((g) => rpc.request(SupervisionBookReception, { receptionDayId: day.id, trackingCode: g.trackingCode, by: staff })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as RpcCallError] : []));
    expect(refused.map((e) => e.message)).toEqual([expect.stringMatching(/slot_full/), expect.stringMatching(/slot_full/)]);
    const [view] = await rpc.request(SupervisionReceptionRota, { from: day.day, to: day.day, leaderId: day.leaderId });
    expect(view.booked).toBe(2);
    expect(view.appointments).toHaveLength(2);
  });

  it('never books one grievance twice while an appointment is open, even concurrently', async () => {
    const [a, b] = [await schedule({ capacity: 5 }), await schedule({ capacity: 5 })];
    const g = aGrievance();
    await receive(g, false);
    const results = await Promise.allSettled([a, b].map((d) => rpc.request(SupervisionBookReception, { receptionDayId: d.id, grievanceId: g.grievanceId, by: staff })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [rejected] = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as RpcCallError] : []));
    expect(rejected.code).toBe('CONFLICT');
    expect(rejected.message).toMatch(/already_booked/);
    expect((await pg.query(`SELECT count(*)::int AS n FROM supervision.reception_appointment WHERE grievance_id = $1`, [g.grievanceId])).rows[0].n).toBe(1);
  });

  it('books a first-time grievance only inside the local 7-day window, and refuses an unknown grievance', async () => {
    const g = aGrievance();
    await receive(g, true);
    const late = await schedule({ day: workdayIn(12) });
    const refused = await refusal(rpc.request(SupervisionBookReception, { receptionDayId: late.id, trackingCode: g.trackingCode, by: staff }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/outside_first_time_window/);
    const soon = await schedule({ day: workdayIn(1) });
    const booked = await rpc.request(SupervisionBookReception, { receptionDayId: soon.id, trackingCode: g.trackingCode, by: staff });
    expect(booked).toMatchObject({ firstTime: true, policyCode: '330621_first_time_feedback_7d', status: 'booked', trackingCode: g.trackingCode });
    expect(new Date(booked.receptionDueAt!).getTime()).toBeGreaterThan(new Date(soon.slotStartsAt).getTime());
    await onStream<{ appointmentId: string }>(ReceptionBooked, (d) => d.appointmentId === booked.id);
    const unknown = await refusal(rpc.request(SupervisionBookReception, { receptionDayId: soon.id, grievanceId: randomUUID(), by: staff }));
    expect(unknown.code).toBe('NOT_FOUND');
  });

  it('enters the reception in the ledger and runs a clock on the promise, overdue once its date passes', async () => {
    const g = aGrievance();
    await receive(g, false, new Date(Date.now() - 3 * DAY));
    const day = await schedule();
    const appt = await rpc.request(SupervisionBookReception, { receptionDayId: day.id, grievanceId: g.grievanceId, by: staff });
    const missingDate = await refusal(rpc.request(SupervisionRecordReception, { appointmentId: appt.id, whoReceived: '信访人王某及其妻子', headcount: 2, summary: '反映拖欠工程款', outcome: 'promise_made', promise: '督促建设单位支付', by: staff }));
    expect(missingDate.code).toBe('BAD_REQUEST');
    const receivedAt = new Date(Date.now() - 2 * DAY);
    const promisedBy = new Date(Date.now() - DAY);
    const recorded = await rpc.request(SupervisionRecordReception, {
      appointmentId: appt.id,
      whoReceived: '信访人王某及其妻子',
      headcount: 2,
      summary: '反映拖欠工程款，律师释法并指引仲裁途径',
      outcome: 'promise_made',
      legalAdvice: '可申请劳动仲裁',
      promise: '一天内督促建设单位支付工资款',
      promisedBy: promisedBy.toISOString(),
      receivedAt: receivedAt.toISOString(),
      by: staff,
    });
    expect(recorded.status).toBe('received');
    expect(recorded.record).toMatchObject({ outcome: 'promise_made', promisedBy: promisedBy.toISOString(), headcount: 2 });
    const clockId = recorded.record!.clockId!;
    const [clock] = (await pg.query('SELECT step, due_at, state FROM supervision.clock WHERE id = $1', [clockId])).rows;
    expect(clock).toMatchObject({ step: 'reception_promise', state: 'running' });
    expect(new Date(clock.due_at).toISOString()).toBe(promisedBy.toISOString());
    await onStream<{ clockId: string }>(ClockStarted, (d) => d.clockId === clockId);
    await onStream<{ receptionRecordId: string }>(ReceptionRecorded, (d) => d.receptionRecordId === recorded.record!.id);
    // The sweeper finds the promise broken: it breaches like any deadline and lands on the board.
    await svc.app.get(ClockSweeper).sweep(new Date());
    const board = await rpc.request(SupervisionOverdueBoard, { kind: 'overdue', limit: 200 });
    expect(board.items.some((i) => i.grievanceId === g.grievanceId && i.step === 'reception_promise')).toBe(true);
    const twice = await refusal(rpc.request(SupervisionRecordReception, { appointmentId: appt.id, whoReceived: '王某', headcount: 1, summary: '再次登记', outcome: 'explained', by: staff }));
    expect(twice.message).toMatch(/already_recorded/);
  });

  it('keeps who was received encrypted at rest, masked in every view, and in full only through an audited reveal', async () => {
    const g = aGrievance();
    await receive(g, false);
    const day = await schedule();
    const appt = await rpc.request(SupervisionBookReception, { receptionDayId: day.id, grievanceId: g.grievanceId, by: staff });
    const recorded = await rpc.request(SupervisionRecordReception, {
      appointmentId: appt.id,
      whoReceived: '张三丰',
      phone: '+86 138 0000 0000',
      idNumber: '11010519491231002x',
      headcount: 1,
      summary: '反映宅基地纠纷',
      outcome: 'explained',
      by: staff,
    });
    const recordId = recorded.record!.id;
    expect(recorded.record).toMatchObject({ whoReceived: '张*丰', phone: '138****0000', idNumber: '110***********002X' });

    // At rest: no plaintext in any column, only tokens under the service's key, bound to the entry.
    const [row] = (await pg.query('SELECT * FROM supervision.reception_record WHERE id = $1', [recordId])).rows;
    const raw = JSON.stringify(row);
    for (const plain of ['张三丰', '13800000000', '138 0000 0000', '11010519491231002']) expect(raw).not.toContain(plain);
    expect(row).not.toHaveProperty('who_received');
    const cipher = PiiCipher.fromKeyRing(PII_KEYS);
    expect(cipher.decrypt(row.who_received_cipher, `reception_record:${recordId}:who_received`)).toBe('张三丰');
    expect(cipher.decrypt(row.phone_cipher, `reception_record:${recordId}:phone`)).toBe('13800000000');
    expect(cipher.decrypt(row.id_number_cipher, `reception_record:${recordId}:id_number`)).toBe('11010519491231002X');

    // Every view masks, and reading it masked leaves no audit record.
    const [view] = await rpc.request(SupervisionReceptionRota, { from: day.day, to: day.day, leaderId: day.leaderId });
    expect(view.appointments.find((a) => a.id === appt.id)?.record).toMatchObject({ whoReceived: '张*丰', phone: '138****0000', idNumber: '110***********002X' });
    const audits = async () => (await pg.query('SELECT * FROM supervision.reception_record_access_audit WHERE reception_record_id = $1 ORDER BY at', [recordId])).rows;
    expect(await audits()).toEqual([]);

    // The reveal answers in full and leaves its record: who, role, organisation, when, which entry, why.
    const caller = { userId: 'u-leader-7', role: 'leader', orgCode: 'county_government' };
    const revealed = await rpc.request(SupervisionRevealReceptionRecord, { receptionRecordId: recordId, caller, reason: '  回访核实承诺落实情况  ' });
    expect(revealed).toMatchObject({ receptionRecordId: recordId, appointmentId: appt.id, grievanceId: g.grievanceId, whoReceived: '张三丰', phone: '13800000000', idNumber: '11010519491231002X' });
    const [audit] = await audits();
    expect(audit).toMatchObject({ id: revealed.auditId, grievance_id: g.grievanceId, actor_user_id: 'u-leader-7', actor_role: 'leader', actor_org_code: 'county_government', reason: '回访核实承诺落实情况' });
    expect(new Date(audit.at).toISOString()).toBe(revealed.revealedAt);
    await expect(pg.query('DELETE FROM supervision.reception_record_access_audit WHERE id = $1', [audit.id])).rejects.toThrow(/append-only/);

    // No reason, or no such entry: refused, and nothing is revealed or recorded.
    const noReason = await refusal(rpc.request(SupervisionRevealReceptionRecord, { receptionRecordId: recordId, caller, reason: '    x   ' }));
    expect(noReason).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/invalid_reason/) });
    const unknown = await refusal(rpc.request(SupervisionRevealReceptionRecord, { receptionRecordId: randomUUID(), caller, reason: '回访核实身份' }));
    expect(unknown.code).toBe('NOT_FOUND');
    expect(await audits()).toHaveLength(1);
  });

  it('holds a public evaluation: one vote per evaluator, the opinion by majority of votes cast with a quorum', async () => {
    const g = aGrievance();
    await receive(g, false);
    const panel = [
      { id: 'npc-1', name: '人大代表甲', kind: 'npc_deputy' as const },
      { id: 'cppcc-1', name: '政协委员乙', kind: 'cppcc_member' as const },
      { id: 'lawyer-1', name: '律师丙', kind: 'lawyer' as const },
      { id: 'mediator-1', name: '调解员丁', kind: 'mediator' as const },
      { id: 'resident-1', name: '居民戊', kind: 'community_member' as const },
    ];
    const opened = await rpc.request(SupervisionOpenPublicEvaluation, { trackingCode: g.trackingCode, matter: '征收补偿标准是否合理', panel, by: staff });
    expect(opened).toMatchObject({ status: 'open', quorum: 3, rule: 'majority_of_votes_cast_v1', opinion: null });
    const second = await refusal(rpc.request(SupervisionOpenPublicEvaluation, { grievanceId: g.grievanceId, matter: '再开一次', panel, by: staff }));
    expect(second.message).toMatch(/already_open/);
    const vote = (evaluatorId: string, v: 'support' | 'oppose' | 'abstain') => rpc.request(SupervisionRecordEvaluationVote, { publicEvaluationId: opened.id, evaluatorId, vote: v, remarks: `${evaluatorId} 的意见`, by: staff });
    await vote('npc-1', 'support');
    await vote('cppcc-1', 'support');
    await vote('lawyer-1', 'oppose');
    await vote('mediator-1', 'abstain');
    expect((await refusal(vote('npc-1', 'oppose'))).message).toMatch(/already_voted/);
    expect((await refusal(vote('stranger', 'support'))).message).toMatch(/not_on_panel/);
    const concluded = await rpc.request(SupervisionConcludePublicEvaluation, { publicEvaluationId: opened.id, recommendations: '建议维持原处理意见，做好解释工作', by: staff });
    expect(concluded).toMatchObject({ status: 'concluded', opinion: 'handling_supported', tally: { support: 2, oppose: 1, abstain: 1, notVoted: 1 } });
    expect((await rpc.request(SupervisionGetPublicEvaluation, { publicEvaluationId: opened.id })).panel.find((p) => p.id === 'lawyer-1')).toMatchObject({ vote: 'oppose', remarks: 'lawyer-1 的意见' });
    await onStream<{ publicEvaluationId: string; opinion: string }>(PublicEvaluationConcluded, (d) => d.publicEvaluationId === opened.id && d.opinion === 'handling_supported');
    expect((await refusal(vote('resident-1', 'support'))).message).toMatch(/concluded/);
  });

  it('records no quorum when too few evaluators vote, and refuses a quorum larger than the panel', async () => {
    const g = aGrievance();
    await receive(g, false);
    const panel = [
      { id: 'a', name: '党代表甲', kind: 'party_congress_deputy' as const },
      { id: 'b', name: '社工乙', kind: 'social_worker' as const },
      { id: 'c', name: '社区干部丙', kind: 'community_cadre' as const },
    ];
    const tooBig = await refusal(rpc.request(SupervisionOpenPublicEvaluation, { grievanceId: g.grievanceId, matter: '争议事项', panel, quorum: 4, by: staff }));
    expect(tooBig.code).toBe('BAD_REQUEST');
    const opened = await rpc.request(SupervisionOpenPublicEvaluation, { grievanceId: g.grievanceId, matter: '争议事项', panel, by: staff });
    await rpc.request(SupervisionRecordEvaluationVote, { publicEvaluationId: opened.id, evaluatorId: 'a', vote: 'support', by: staff });
    const concluded = await rpc.request(SupervisionConcludePublicEvaluation, { publicEvaluationId: opened.id, by: staff });
    expect(concluded.opinion).toBe('no_quorum');
    const [row] = (await pg.query('SELECT opinion, support, oppose, abstain FROM supervision.public_evaluation WHERE id = $1', [opened.id])).rows;
    expect(row).toEqual({ opinion: 'no_quorum', support: 1, oppose: 0, abstain: 0 });
  });
});
