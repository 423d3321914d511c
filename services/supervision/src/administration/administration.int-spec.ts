import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ChineseDaysSource, WorkingCalendar } from '@yikouban/calendar';
import {
  AssignmentCreated,
  CalendarChanged,
  SupervisionAddCalendarOverride,
  SupervisionDeadlinePolicies,
  SupervisionRemoveCalendarOverride,
  SupervisionRetireLocalDeadlinePolicy,
  SupervisionSaveLocalDeadlinePolicy,
  SupervisionWorkingCalendar,
  type AssignmentCreatedV1,
  type CalendarChangedV1,
  type EventEnvelope,
  type SaveLocalDeadlinePolicy,
} from '@yikouban/contracts';
import { Namespace, RpcCallError, RpcClient } from '@yikouban/messaging';
import { createTestDatabase, JetStreamProbe, startDataServiceInProcess, TEST_NATS_URL, testNamespace, waitFor, type RunningService, type TestDatabase } from '@yikouban/testing';
import { supervisionService } from '../service';

const envelope = <T>(type: string, data: T): EventEnvelope<T> => ({ id: randomUUID(), type, v: 1, occurredAt: new Date().toISOString(), data });
/** A county of its own, so the demo county's seeded rules stay out of the way. */
const COUNTY = '330699';
const by = { kind: 'staff' as const, userId: 'u-admin' };

describe('calendar overrides and local deadline policies drive the planner (real PostgreSQL and NATS)', () => {
  let db: TestDatabase;
  let ns: Namespace;
  let svc: RunningService;
  let probe: JetStreamProbe;
  let pg: Client;
  let rpc: RpcClient;

  beforeAll(async () => {
    db = await createTestDatabase('supervision_admin');
    ns = new Namespace(testNamespace());
    svc = await startDataServiceInProcess(supervisionService, { DATABASE_URL: db.url, NATS_URL: TEST_NATS_URL, YKB_NAMESPACE: ns.prefix, SUPERVISION_SWEEP_MS: '0' });
    probe = await JetStreamProbe.connect(TEST_NATS_URL);
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    rpc = new RpcClient(ns, TEST_NATS_URL, 'supervision-admin-test');
    await rpc.connect();
  });

  afterAll(async () => {
    await rpc?.close();
    await svc?.close();
    await pg?.end();
    await probe?.deleteStreams(ns.prefix);
    await probe?.close();
    await db?.drop();
  });

  const refusal = (p: Promise<unknown>) => p.then(() => 'accepted', (e: unknown) => (e instanceof RpcCallError ? `${e.code} ${e.fields?.[0]?.field ?? ''}`.trim() : String(e)));

  /** A lead assignment in the county now; resolves with its handling clock. */
  async function assigned(): Promise<{ policy_code: string; started_at: Date; due_at: Date }> {
    const a: AssignmentCreatedV1 = {
      assignmentId: randomUUID(), grievanceId: randomUUID(), trackingCode: '330699-26-0001A', role: 'lead', orgCode: 'dept_housing', orgName: '县住建局',
      regionCode: `${COUNTY}101`, ruleId: 'rule-housing', ruleVersion: 1, createdAt: new Date().toISOString(),
    };
    await probe.publish(ns.subject(AssignmentCreated.subject), envelope(AssignmentCreated.subject, a));
    return waitFor('the handling clock', async () => (await pg.query(`SELECT policy_code, started_at, due_at FROM supervision.clock WHERE grievance_id = $1 AND step = 'handling'`, [a.grievanceId])).rows[0]);
  }

  const policy = (over: Partial<SaveLocalDeadlinePolicy> = {}): SaveLocalDeadlinePolicy => ({
    jurisdiction: COUNTY, code: 'handling_5wd', name: '一般事项5个工作日内办结', nameEn: 'Handled within 5 working days', appliesTo: 'handling', unit: 'working_days', amount: 5, source: '示范县〔2026〕1号 第三条', warnAt: [0.6, 1], by, ...over,
  });

  it('a new local policy applies to clocks started after it, and an override day is skipped by the next deadline', async () => {
    const before = await assigned();
    expect(before.policy_code).toBe('handling_60d');

    const saved = await rpc.request(SupervisionSaveLocalDeadlinePolicy, policy());
    expect(saved).toMatchObject({ code: `${COUNTY}_handling_5wd`, version: 1, statutory: false, unit: 'working_days', amount: 5, warnAt: [0.6, 1], createdBy: 'u-admin', effectiveUntil: null });
    const national = new WorkingCalendar(new ChineseDaysSource());
    const first = await assigned();
    expect(first.policy_code).toBe(`${COUNTY}_handling_5wd`);
    expect(first.due_at).toEqual(national.addWorkingDays(first.started_at, 5));

    // the county's festival on the next working day: deadlines planned from now skip it
    const festival = national.nextWorkday(new Date());
    const override = await rpc.request(SupervisionAddCalendarOverride, { jurisdiction: COUNTY, date: festival, kind: 'holiday', note: '县庆（演示）', by });
    expect(override).toMatchObject({ jurisdiction: COUNTY, date: festival, kind: 'holiday', note: '县庆（演示）', createdBy: 'u-admin' });
    const changed = await waitFor('calendar.changed on the stream', async () =>
      (await probe.read(ns.stream('supervision'), ns.subject(CalendarChanged.subject))).map((m) => m.json<EventEnvelope<CalendarChangedV1>>().data).find((d) => d.date === festival && d.change === 'added'));
    expect(changed).toMatchObject({ jurisdiction: COUNTY, kind: 'holiday', by: 'u-admin' });

    const second = await assigned();
    const withFestival = new WorkingCalendar(new ChineseDaysSource(), [{ date: festival, kind: 'holiday', reason: '县庆' }]);
    expect(second.due_at).toEqual(withFestival.addWorkingDays(second.started_at, 5));
    expect(second.due_at.getTime()).toBeGreaterThan(national.addWorkingDays(second.started_at, 5).getTime());

    // clocks already running keep what they started with
    const still = (await pg.query(`SELECT policy_code, due_at FROM supervision.clock WHERE step = 'handling' AND started_at IN ($1, $2) ORDER BY started_at`, [before.started_at, first.started_at])).rows;
    expect(still).toEqual([{ policy_code: 'handling_60d', due_at: before.due_at }, { policy_code: `${COUNTY}_handling_5wd`, due_at: first.due_at }]);

    const view = await rpc.request(SupervisionWorkingCalendar, { jurisdiction: `${COUNTY}101`, from: festival, to: festival });
    expect(view.days).toEqual([expect.objectContaining({ date: festival, workday: false, reason: 'override_holiday', note: '县庆（演示）', overrideJurisdiction: COUNTY })]);

    // the same override again is a replay; the opposite one contradicts it; removing it announces the change
    expect(await rpc.request(SupervisionAddCalendarOverride, { jurisdiction: COUNTY, date: festival, kind: 'holiday', note: '县庆（演示）', by })).toEqual(override);
    expect(await refusal(rpc.request(SupervisionAddCalendarOverride, { jurisdiction: COUNTY, date: festival, kind: 'workday', note: '调休', by }))).toBe('CONFLICT date');
    expect(await refusal(rpc.request(SupervisionAddCalendarOverride, { jurisdiction: COUNTY, date: '2026-02-30', kind: 'holiday', note: 'x', by }))).toBe('BAD_REQUEST date');
    await rpc.request(SupervisionRemoveCalendarOverride, { jurisdiction: COUNTY, date: festival, by });
    expect(await refusal(rpc.request(SupervisionRemoveCalendarOverride, { jurisdiction: COUNTY, date: festival, by }))).toBe('NOT_FOUND date');
    await waitFor('the removal on the stream', async () =>
      (await probe.read(ns.stream('supervision'), ns.subject(CalendarChanged.subject))).map((m) => m.json<EventEnvelope<CalendarChangedV1>>().data).find((d) => d.date === festival && d.change === 'removed'));
    const third = await assigned();
    expect(third.due_at).toEqual(national.addWorkingDays(third.started_at, 5));
  });

  it('versions a local policy, refuses looser ones, retires it and lists the statutory ones read-only', async () => {
    expect(await refusal(rpc.request(SupervisionSaveLocalDeadlinePolicy, policy({ code: 'lax', unit: 'natural_days', amount: 61 })))).toBe('BAD_REQUEST amount');
    expect(await refusal(rpc.request(SupervisionSaveLocalDeadlinePolicy, policy({ code: 'past', effectiveFrom: '2020-01-01T00:00:00Z' })))).toBe('BAD_REQUEST effectiveFrom');
    expect(await refusal(rpc.request(SupervisionRetireLocalDeadlinePolicy, { jurisdiction: COUNTY, code: 'handling_60d', by }))).toBe('FORBIDDEN code');

    const v2 = await rpc.request(SupervisionSaveLocalDeadlinePolicy, policy({ code: `${COUNTY}_handling_5wd`, amount: 3 }));
    expect(v2).toMatchObject({ version: 2, amount: 3 });
    expect((await assigned()).policy_code).toBe(`${COUNTY}_handling_5wd`);

    const listed = await rpc.request(SupervisionDeadlinePolicies, { jurisdiction: COUNTY });
    expect(listed.find((p) => p.code === 'handling_60d')).toMatchObject({ statutory: true, jurisdiction: null, source: '《信访工作条例》第三十四条' });
    expect(listed.filter((p) => p.jurisdiction === COUNTY).map((p) => [p.version, p.amount])).toEqual([[2, 3]]);
    const history = await rpc.request(SupervisionDeadlinePolicies, { jurisdiction: COUNTY, includeHistory: true });
    expect(history.filter((p) => p.jurisdiction === COUNTY).map((p) => p.version)).toEqual([1, 2]);
    expect(history.find((p) => p.jurisdiction === COUNTY && p.version === 1)?.effectiveUntil).toBe(v2.effectiveFrom);

    const retired = await rpc.request(SupervisionRetireLocalDeadlinePolicy, { jurisdiction: COUNTY, code: 'handling_5wd', by });
    expect(retired.effectiveUntil).not.toBeNull();
    expect(await refusal(rpc.request(SupervisionRetireLocalDeadlinePolicy, { jurisdiction: COUNTY, code: 'handling_5wd', by }))).toBe('CONFLICT code');
    expect((await assigned()).policy_code).toBe('handling_60d');
  });
});
