import {
  IntakeGetGrievance,
  IntakeTrackGrievance,
  RoutingListAssignments,
  SupervisionCaseDeadlines,
  SupervisionIndicators,
  SupervisionOverdueBoard,
  SupervisionRecordEvaluation,
  SupervisionRequestReview,
  type AftercareView,
  type AssignmentSummary,
  type GrievanceSummary,
  type IndicatorQuery,
  type RecordEvaluation,
} from '@yikouban/contracts';
import { RpcCallError } from '@yikouban/messaging';
import { codeOf, resolverHarness } from '../auth/testing/resolver-harness';
import { SupervisionModule } from './supervision.module';

const CODE = '330621-26-2223G';
const grievance = { id: '7f1c8a52-2f4b-4f43-9d0e-5d9cf1b0a001', trackingCode: CODE } as GrievanceSummary;
const aftercare = (over: Partial<AftercareView> = {}): AftercareView => ({
  grievanceId: grievance.id,
  trackingCode: CODE,
  status: 'evaluated',
  round: 1,
  final: false,
  lastAnswer: { kind: 'reply', orgCode: 'org_hr', at: '2026-03-02T02:00:00.000Z' },
  returnVisit: { id: 'rv', round: 1, answerKind: 'reply', scheduledAt: '2026-03-02T02:00:00.000Z', dueAt: '2026-03-05T16:00:00.000Z', completedAt: '2026-03-03T01:00:00.000Z' },
  evaluations: [{ id: 'ev', round: 1, answerKind: 'reply', result: 'satisfied', resolved: true, channel: 'citizen_portal', byKind: 'citizen', comment: null, at: '2026-03-03T01:00:00.000Z' }],
  reviews: [],
  reviewWindow: { level: 'review', opensAt: '2026-03-02T02:00:00.000Z', endsAt: '2026-04-01T16:00:00.000Z' },
  closure: null,
  ...over,
});
const counts = { received: 4, repeats: 1, assigned: 4, responded: 3, replied: 2, repliedOnTime: 1, repliedLate: 1, evaluated: 2, satisfied: 1, basicallySatisfied: 1, notSatisfied: 0, resolved: 1, closed: 1, breached: 2 };

describe('supervision in GraphQL (roles, scoping, citizen verification, error shaping; fake RPC)', () => {
  const gql = resolverHarness([SupervisionModule], { principal: (role) => ({ orgCode: role === 'unit_staff' ? 'org_hr' : 'joint_office_330621' }) });
  const { rpc, as } = gql;
  /** Nobody signed in: citizens and the public. */
  const run = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown>) => as<T>(null, query, variables);

  beforeAll(() => gql.start());
  afterAll(() => gql.close());
  beforeEach(() => {
    rpc.calls.length = 0;
  });
  const payloadOf = <T>(subject: string): T => rpc.calls.find((c) => c.subject === subject)?.payload as T;

  const INDICATORS = `query ($f: IndicatorFilter!) { indicators(filter: $f) { key backlog overdueCount counts { received breached } rates { responseRate satisfactionRate onTimeRate repeatRate resolutionRate } } }`;

  it('answers indicators with the rates, and holds a unit to its own figures', async () => {
    rpc.on(SupervisionIndicators, () => [{ key: null, counts, rates: { responseRate: 0.75, resolutionRate: 0.5, satisfactionRate: 1, onTimeRate: 0.5, repeatRate: 0.25 }, backlog: 3 }]);
    const leader = await as<{ indicators: unknown[] }>('leader', INDICATORS, { f: { from: '2026-03-01', to: '2026-03-31', groupBy: 'NONE' } });
    expect(leader.errors).toBeUndefined();
    expect(leader.data?.indicators).toEqual([{ key: null, backlog: 3, overdueCount: 2, counts: { received: 4, breached: 2 }, rates: { responseRate: 0.75, satisfactionRate: 1, onTimeRate: 0.5, repeatRate: 0.25, resolutionRate: 0.5 } }]);
    expect(payloadOf<IndicatorQuery>(SupervisionIndicators.subject)).toEqual({ from: '2026-03-01', to: '2026-03-31', regionCode: '330621', groupBy: 'none' });

    rpc.calls.length = 0;
    await as('unit_staff', INDICATORS, { f: { from: '2026-03-01', to: '2026-03-31' } });
    expect(payloadOf<IndicatorQuery>(SupervisionIndicators.subject)).toMatchObject({ orgCode: 'org_hr', regionCode: '330621' });
    const other = await as('unit_staff', INDICATORS, { f: { from: '2026-03-01', to: '2026-03-31', orgCode: 'org_police' } });
    expect(codeOf(other)).toBe('FORBIDDEN');
    const outside = await as('supervisor', INDICATORS, { f: { from: '2026-03-01', to: '2026-03-31', regionCode: '330700' } });
    expect(codeOf(outside)).toBe('FORBIDDEN');
  });

  it('refuses a malformed period before asking anyone, and callers without a role', async () => {
    const bad = await as('supervisor', INDICATORS, { f: { from: '2026-13-01', to: '2026-03-31' } });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(bad.errors)).toContain('from');
    expect(codeOf(await run(INDICATORS, { f: { from: '2026-03-01', to: '2026-03-31' } }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await as('court', INDICATORS, { f: { from: '2026-03-01', to: '2026-03-31' } }))).toBe('FORBIDDEN');
    expect(rpc.calls).toEqual([]);
  });

  it('shows the overdue board with dates and shares, scoped to the caller', async () => {
    rpc.on(SupervisionOverdueBoard, () => ({
      items: [{ clockId: 'c1', grievanceId: grievance.id, trackingCode: CODE, step: 'handling', policyCode: 'handling_60d', state: 'breached' as const, kind: 'overdue' as const, startedAt: '2026-01-01T02:00:00.000Z', dueAt: '2026-03-02T16:00:00.000Z', shareUsed: 1.2, warningsSent: 2, escalationLevel: 2, escalatedTo: 'command_centre', regionCode: '330621101', orgCode: 'org_hr', categoryCode: 'wage' }],
      nextCursor: null,
      overdue: 1,
      nearOverdue: 0,
    }));
    const res = await as<{ overdueBoard: { items: Record<string, unknown>[]; overdue: number } }>('command_operator', `{ overdueBoard(filter: { kind: OVERDUE }) { overdue nearOverdue items { trackingCode kind state dueAt shareUsed escalatedTo } } }`);
    expect(res.data?.overdueBoard.items).toEqual([{ trackingCode: CODE, kind: 'overdue', state: 'BREACHED', dueAt: '2026-03-02T16:00:00.000Z', shareUsed: 1.2, escalatedTo: 'command_centre' }]);
    expect(payloadOf(SupervisionOverdueBoard.subject)).toEqual({ kind: 'overdue', regionCode: '330621' });
  });

  it('lets a unit see deadlines only of cases assigned to it', async () => {
    rpc.on(IntakeGetGrievance, () => grievance).on(RoutingListAssignments, () => [{ orgCode: 'org_other' } as AssignmentSummary]).on(SupervisionCaseDeadlines, () => []);
    const res = await as('unit_staff', `{ grievanceDeadlines(trackingCode: "${CODE}") { step } }`);
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(rpc.calls.map((c) => c.subject)).not.toContain(SupervisionCaseDeadlines.subject);
    rpc.on(RoutingListAssignments, () => [{ orgCode: 'org_hr' } as AssignmentSummary]);
    expect((await as('unit_staff', `{ grievanceDeadlines(trackingCode: "${CODE}") { step } }`)).errors).toBeUndefined();
  });

  const EVALUATE = `mutation ($i: EvaluateGrievanceInput!) { evaluateGrievance(input: $i) { status evaluations { result channel at } } }`;

  it('records a staff call as the signed-in user; the unit judged may not record its own', async () => {
    rpc.on(SupervisionRecordEvaluation, () => aftercare({ evaluations: [{ ...aftercare().evaluations[0], channel: 'recorded_call', byKind: 'staff' }] }));
    const res = await as<{ evaluateGrievance: { status: string } }>('command_operator', EVALUATE, { i: { trackingCode: CODE.toLowerCase(), result: 'SATISFIED', resolved: true, channel: 'RECORDED_CALL' } });
    expect(res.errors).toBeUndefined();
    expect(res.data?.evaluateGrievance.status).toBe('EVALUATED');
    expect(payloadOf<RecordEvaluation>(SupervisionRecordEvaluation.subject)).toEqual({ trackingCode: CODE, result: 'satisfied', resolved: true, channel: 'recorded_call', by: { kind: 'staff', userId: 'u-command_operator', orgCode: 'joint_office_330621' } });
    expect(codeOf(await as('unit_staff', EVALUATE, { i: { trackingCode: CODE, result: 'SATISFIED', resolved: true, channel: 'RECORDED_CALL' } }))).toBe('FORBIDDEN');
  });

  const MINE = `mutation ($i: EvaluateMyGrievanceInput!) { evaluateMyGrievance(input: $i) { status final myEvaluation reviewWindow { level endsAt } } }`;

  it('lets the citizen evaluate only after intake verified the code and secret', async () => {
    rpc.on(IntakeTrackGrievance, ({ secret }) => {
      if (secret !== 'K7PQ-2MX9') throw new RpcCallError('NOT_FOUND', 'no grievance matches this tracking code and secret');
      return { trackingCode: CODE } as never;
    });
    rpc.on(SupervisionRecordEvaluation, () => aftercare());
    const wrong = await run(MINE, { i: { trackingCode: CODE, secret: 'WRONG-SECRET', result: 'SATISFIED', resolved: true } });
    expect(codeOf(wrong)).toBe('NOT_FOUND');
    expect(rpc.calls.map((c) => c.subject)).toEqual([IntakeTrackGrievance.subject]);
    const right = await run<{ evaluateMyGrievance: Record<string, unknown> }>(MINE, { i: { trackingCode: CODE, secret: 'K7PQ-2MX9', result: 'SATISFIED', resolved: true } });
    expect(right.data?.evaluateMyGrievance).toEqual({ status: 'EVALUATED', final: false, myEvaluation: 'SATISFIED', reviewWindow: { level: 'REVIEW', endsAt: '2026-04-01T16:00:00.000Z' } });
    expect(payloadOf<RecordEvaluation>(SupervisionRecordEvaluation.subject)).toMatchObject({ channel: 'citizen_portal', by: { kind: 'citizen' } });
  });

  it('passes a refusal outside the review window through with its code, reason and field', async () => {
    rpc.on(SupervisionRequestReview, () => {
      throw new RpcCallError('CONFLICT', 'window_closed: 复查请求期限已于2026-04-01T16:00:00.000Z届满（《信访工作条例》第三十五条）', [{ field: 'requestedAt', problems: ['closed'] }]);
    });
    const res = await as('reception_clerk', `mutation ($i: RequestReviewInput!) { requestReview(input: $i) { status } }`, { i: { trackingCode: CODE, reason: '不服处理意见' } });
    expect(res.errors?.[0]).toMatchObject({ message: expect.stringContaining('第三十五条'), extensions: { code: 'CONFLICT', fields: [{ field: 'requestedAt', problems: ['closed'] }] } });
  });
});
