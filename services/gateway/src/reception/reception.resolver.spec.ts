import {
  SupervisionBookReception,
  SupervisionConcludePublicEvaluation,
  SupervisionRecordReception,
  SupervisionRevealReceptionRecord,
  SupervisionScheduleReceptionDay,
  type BookReception,
  type PublicEvaluationView,
  type ReceptionAppointmentView,
  type RecordReception,
  type RevealReceptionRecord,
} from '@yikouban/contracts';
import { RpcCallError } from '@yikouban/messaging';
import { codeOf, resolverHarness } from '../auth/testing/resolver-harness';
import { ReceptionModule } from './reception.module';

const DAY_ID = '7f1c8a52-2f4b-4f43-9d0e-5d9cf1b0a0d1';
const APPT_ID = '7f1c8a52-2f4b-4f43-9d0e-5d9cf1b0a0a1';
const EVAL_ID = '7f1c8a52-2f4b-4f43-9d0e-5d9cf1b0a0e1';
const appointment: ReceptionAppointmentView = {
  id: APPT_ID,
  receptionDayId: DAY_ID,
  grievanceId: '7f1c8a52-2f4b-4f43-9d0e-5d9cf1b0a001',
  trackingCode: '330621-26-2223G',
  firstTime: true,
  receptionDueAt: '2026-03-09T16:00:00.000Z',
  policyCode: '330621_first_time_feedback_7d',
  status: 'booked',
  bookedAt: '2026-03-02T02:00:00.000Z',
  record: null,
};
const evaluation: PublicEvaluationView = {
  id: EVAL_ID,
  grievanceId: appointment.grievanceId,
  trackingCode: appointment.trackingCode,
  matter: '征收补偿标准是否合理',
  status: 'concluded',
  quorum: 2,
  panel: [{ id: 'npc-1', name: '人大代表甲', kind: 'npc_deputy', vote: 'support', remarks: null, votedAt: '2026-03-02T03:00:00.000Z' }],
  tally: { support: 2, oppose: 1, abstain: 0, notVoted: 0 },
  opinion: 'handling_supported',
  rule: 'majority_of_votes_cast_v1',
  recommendations: null,
  openedAt: '2026-03-02T02:00:00.000Z',
  openedBy: 'u-supervisor',
  concludedAt: '2026-03-02T04:00:00.000Z',
};

describe('leader reception and public evaluation in GraphQL (roles, input checks, error shaping; fake RPC)', () => {
  const gql = resolverHarness([ReceptionModule], { principal: { orgCode: 'county_petition_bureau' } });
  const { rpc, as } = gql;

  beforeAll(() => gql.start());
  afterAll(() => gql.close());
  beforeEach(() => {
    rpc.calls.length = 0;
  });
  const payloadOf = <T>(subject: string): T => rpc.calls.find((c) => c.subject === subject)?.payload as T;

  const BOOK = `mutation ($i: BookReceptionInput!) { bookReception(input: $i) { id status firstTime receptionDueAt policyCode } }`;
  const SCHEDULE = `mutation ($i: ScheduleReceptionDayInput!) { scheduleReceptionDay(input: $i) { id } }`;
  const scheduleInput = { leaderId: 'leader-1', leaderName: '副县长甲', orgCode: 'county_government', day: '2026-03-05', slot: 'MORNING', place: '县来访接待中心', legalAdviserId: 'lawyer-1', legalAdviserName: '律师乙', capacity: 3 };

  it('books as the signed-in clerk, with the tracking code normalised', async () => {
    rpc.on(SupervisionBookReception, () => appointment);
    const res = await as<{ bookReception: Record<string, unknown> }>('reception_clerk', BOOK, { i: { receptionDayId: DAY_ID, trackingCode: ' 330621-26-2223g ' } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.bookReception).toEqual({ id: APPT_ID, status: 'BOOKED', firstTime: true, receptionDueAt: '2026-03-09T16:00:00.000Z', policyCode: '330621_first_time_feedback_7d' });
    expect(payloadOf<BookReception>(SupervisionBookReception.subject)).toEqual({ receptionDayId: DAY_ID, trackingCode: '330621-26-2223G', by: { kind: 'staff', userId: 'u-reception_clerk', orgCode: 'county_petition_bureau' } });
  });

  it('lets only leaders and clerks book and record, only supervisors and administrators schedule', async () => {
    rpc.on(SupervisionScheduleReceptionDay, () => {
      throw new Error('not reached');
    });
    expect(codeOf(await as('supervisor', BOOK, { i: { receptionDayId: DAY_ID, trackingCode: '330621-26-2223G' } }))).toBe('FORBIDDEN');
    expect(codeOf(await as('leader', SCHEDULE, { i: scheduleInput }))).toBe('FORBIDDEN');
    expect(codeOf(await as(null, SCHEDULE, { i: scheduleInput }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await as('leader', `mutation { concludePublicEvaluation(input: { publicEvaluationId: "${EVAL_ID}" }) { id } }`))).toBe('FORBIDDEN');
    expect(rpc.calls).toEqual([]);
  });

  it('refuses bad input with the field before asking anyone', async () => {
    const bad = await as('administrator', SCHEDULE, { i: { ...scheduleInput, capacity: 0 } });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(bad.errors)).toContain('capacity');
    const badId = await as('leader', BOOK, { i: { receptionDayId: 'not-an-id', trackingCode: '330621-26-2223G' } });
    expect(codeOf(badId)).toBe('BAD_USER_INPUT');
    expect(rpc.calls).toEqual([]);
  });

  it('passes a promise and its date to supervision as instants, and shapes a refusal', async () => {
    rpc.on(SupervisionRecordReception, () => ({ ...appointment, status: 'received' as const, record: { id: 'r1', whoReceived: '王*', phone: null, idNumber: null, headcount: 1, summary: '欠薪', outcome: 'promise_made' as const, legalAdvice: null, promise: '三日内支付', promisedBy: '2026-03-05T09:00:00.000Z', clockId: 'c1', receivedAt: '2026-03-02T02:00:00.000Z', recordedBy: 'u-leader' } }));
    const res = await as<{ recordReception: { record: Record<string, unknown> } }>('leader', `mutation ($i: RecordReceptionInput!) { recordReception(input: $i) { status record { outcome promise promisedBy clockId } } }`, {
      i: { appointmentId: APPT_ID, whoReceived: '王某', headcount: 1, summary: '欠薪', outcome: 'PROMISE_MADE', promise: '三日内支付', promisedBy: '2026-03-05T09:00:00.000Z' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.recordReception.record).toEqual({ outcome: 'PROMISE_MADE', promise: '三日内支付', promisedBy: '2026-03-05T09:00:00.000Z', clockId: 'c1' });
    expect(payloadOf<RecordReception>(SupervisionRecordReception.subject)).toMatchObject({ promisedBy: '2026-03-05T09:00:00.000Z', outcome: 'promise_made', by: { userId: 'u-leader' } });

    rpc.on(SupervisionBookReception, () => {
      throw new RpcCallError('CONFLICT', 'slot_full: 该时段已约满 / the slot is full');
    });
    const full = await as('leader', BOOK, { i: { receptionDayId: DAY_ID, trackingCode: '330621-26-2223G' } });
    expect(codeOf(full)).toBe('CONFLICT');
    expect(full.errors?.[0]?.message).toContain('slot_full');
  });

  const REC_ID = '7f1c8a52-2f4b-4f43-9d0e-5d9cf1b0a0f1';
  const RECORD = `mutation ($i: RecordReceptionInput!) { recordReception(input: $i) { record { whoReceived phone idNumber } } }`;
  const REVEAL = `mutation ($id: ID!, $reason: String!) { revealReceptionRecord(receptionRecordId: $id, reason: $reason) { receptionRecordId auditId whoReceived phone idNumber revealedAt } }`;

  it('passes who was received with phone and ID number to supervision and shows what it answers, masked', async () => {
    const masked = { id: REC_ID, whoReceived: '张*丰', phone: '138****0000', idNumber: '110***********002X', headcount: 1, summary: '宅基地', outcome: 'explained' as const, legalAdvice: null, promise: null, promisedBy: null, clockId: null, receivedAt: '2026-03-02T02:00:00.000Z', recordedBy: 'u-leader' };
    rpc.on(SupervisionRecordReception, () => ({ ...appointment, status: 'received' as const, record: masked }));
    const res = await as<{ recordReception: { record: Record<string, unknown> } }>('reception_clerk', RECORD, {
      i: { appointmentId: APPT_ID, whoReceived: '张三丰', phone: '13800000000', idNumber: '11010519491231002X', headcount: 1, summary: '宅基地', outcome: 'EXPLAINED' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.recordReception.record).toEqual({ whoReceived: '张*丰', phone: '138****0000', idNumber: '110***********002X' });
    expect(payloadOf<RecordReception>(SupervisionRecordReception.subject)).toMatchObject({ whoReceived: '张三丰', phone: '13800000000', idNumber: '11010519491231002X' });

    rpc.calls.length = 0;
    const badPhone = await as('reception_clerk', RECORD, { i: { appointmentId: APPT_ID, whoReceived: '张三丰', phone: '12345', headcount: 1, summary: '宅基地', outcome: 'EXPLAINED' } });
    expect(codeOf(badPhone)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(badPhone.errors)).toContain('phone');
    expect(rpc.calls).toEqual([]);
  });

  it('reveals a ledger entry in full only to the roles that may see personal information, with the caller and reason for the audit', async () => {
    rpc.on(SupervisionRevealReceptionRecord, () => ({ receptionRecordId: REC_ID, appointmentId: APPT_ID, grievanceId: appointment.grievanceId, auditId: 'audit-1', whoReceived: '张三丰', phone: '13800000000', idNumber: null, revealedAt: '2026-03-02T03:00:00.000Z' }));
    const res = await as<{ revealReceptionRecord: Record<string, unknown> }>('leader', REVEAL, { id: REC_ID, reason: '回访核实承诺落实' });
    expect(res.errors).toBeUndefined();
    expect(res.data?.revealReceptionRecord).toEqual({ receptionRecordId: REC_ID, auditId: 'audit-1', whoReceived: '张三丰', phone: '13800000000', idNumber: null, revealedAt: '2026-03-02T03:00:00.000Z' });
    expect(payloadOf<RevealReceptionRecord>(SupervisionRevealReceptionRecord.subject)).toEqual({ receptionRecordId: REC_ID, reason: '回访核实承诺落实', caller: { userId: 'u-leader', role: 'leader', orgCode: 'county_petition_bureau' } });

    rpc.calls.length = 0;
    for (const role of ['supervisor', 'administrator', 'unit_staff'] as const) expect(codeOf(await as(role, REVEAL, { id: REC_ID, reason: '回访核实承诺落实' }))).toBe('FORBIDDEN');
    expect(codeOf(await as('reception_clerk', REVEAL, { id: REC_ID, reason: '看' }))).toBe('BAD_USER_INPUT');
    expect(rpc.calls).toEqual([]);
  });

  it('lets the supervisor conclude a public evaluation and shows the opinion with its rule', async () => {
    rpc.on(SupervisionConcludePublicEvaluation, () => evaluation);
    const res = await as<{ concludePublicEvaluation: Record<string, unknown> }>('supervisor', `mutation { concludePublicEvaluation(input: { publicEvaluationId: "${EVAL_ID}" }) { status opinion rule tally { support oppose } panel { kind vote } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data?.concludePublicEvaluation).toEqual({ status: 'CONCLUDED', opinion: 'HANDLING_SUPPORTED', rule: 'majority_of_votes_cast_v1', tally: { support: 2, oppose: 1 }, panel: [{ kind: 'NPC_DEPUTY', vote: 'SUPPORT' }] });
  });
});
