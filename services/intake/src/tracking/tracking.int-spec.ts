import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AssignmentCreated, AssignmentReplied, ClockStarted, GrievanceClosed, GrievanceEvaluated, GrievanceTriaged, GrievanceWithdrawn, type EventEnvelope } from '@yikouban/contracts';
import { Namespace } from '@yikouban/messaging';
import { JetStreamProbe, startServiceUnderTest, waitFor, type RunningService, type ServiceUnderTest } from '@yikouban/testing';
import { intakeService } from '../service';

describe("the citizen's tracking view (real PostgreSQL and NATS)", () => {
  let sut: ServiceUnderTest;
  let ns: Namespace;
  let svc: RunningService;
  let probe: JetStreamProbe;

  beforeAll(async () => {
    sut = await startServiceUnderTest(intakeService, {}, { database: 'tracking', pg: false, rpcName: false });
    ({ ns, svc, probe } = sut);
  });

  afterAll(() => sut?.close());

  const envelope = <T>(type: string, data: T): EventEnvelope<T> => ({ id: randomUUID(), type, v: 1, occurredAt: new Date().toISOString(), data });
  /** POSTs a grievance as a channel adapter would; the petitioner's tracking credentials and its id. */
  const register = async (grievance: Record<string, unknown>): Promise<{ id: string; trackingCode: string; secret: string }> =>
    (await request(svc.url).post('/api/v1/grievances').send(grievance).expect(201)).body;

  it('shows received → assigned (unit name) → deadline, and nothing private', async () => {
    const { id, trackingCode, secret } = await register({ channel: 'mini_program', petitioner: { name: '陈美玲', phone: '13600001111', idNumber: '11010519491231002X' }, regionCode: '330621101', categoryCode: 'school_closure', description: '村小学要撤并，孩子上学要走十公里山路，家长们很着急。' });
    const assignment = envelope(AssignmentCreated.subject, {
      assignmentId: randomUUID(), grievanceId: id, trackingCode, role: 'lead', orgCode: 'dept_education', orgName: '县教育局',
      regionCode: '330621101', ruleId: 'r1', ruleVersion: 1, createdAt: new Date().toISOString(),
    });
    await probe.publish(ns.subject(AssignmentCreated.subject), assignment, assignment.id);
    const dueAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const clock = envelope(ClockStarted.subject, { clockId: randomUUID(), grievanceId: id, policyCode: 'first_time_7d', step: 'handling', startedAt: new Date().toISOString(), dueAt });
    await probe.publish(ns.subject(ClockStarted.subject), clock, clock.id);

    // Watch the table, not the door: polling the rate-limited tracking endpoint would trip its limit.
    const db = svc.app.get(DataSource);
    await waitFor('the deadline applied', async () => (await db.query("SELECT 1 FROM timeline_entry WHERE grievance_id = $1 AND kind = 'deadline_set'", [id])).length > 0);
    const { body: view } = await request(svc.url).post('/api/v1/tracking').send({ trackingCode, secret }).expect(200);
    expect(view).toMatchObject({ trackingCode, status: 'assigned', leadUnitName: '县教育局', dueAt });
    expect(view.timeline.map((e: { kind: string }) => e.kind)).toEqual(['received', 'assigned', 'deadline_set']);
    const text = JSON.stringify(view);
    for (const secretThing of ['陈美玲', '13600001111', '11010519491231002X', 'dept_education', secret, id]) expect(text).not.toContain(secretThing);
  });

  it('moves the deadline step when supervision announces the same clock again, and adds one for another clock', async () => {
    const { id, trackingCode, secret } = await register({ channel: 'web', regionCode: '330621101', categoryCode: 'school_closure', description: '想咨询一下孩子转学需要准备哪些材料。' });
    const db = svc.app.get(DataSource);
    const dueOf = async () => ((await db.query('SELECT due_at FROM grievance WHERE id = $1', [id])) as { due_at: Date | null }[])[0]?.due_at?.toISOString();
    const announce = async (clockId: string, startedAt: string, dueAt: string) => {
      const clock = envelope(ClockStarted.subject, { clockId, grievanceId: id, policyCode: 'handling_60d', step: 'handling', startedAt, dueAt });
      await probe.publish(ns.subject(ClockStarted.subject), clock, clock.id);
      await waitFor(`the due date ${dueAt}`, async () => ((await dueOf()) === dueAt ? true : undefined));
    };

    const clockId = randomUUID();
    await announce(clockId, '2026-03-02T01:00:00.000Z', '2026-05-01T16:00:00.000Z');
    // Triage re-plans it (a consultation: half a working day), then the receipt moves its start earlier.
    await announce(clockId, '2026-03-02T01:00:00.000Z', '2026-03-02T07:30:00.000Z');
    await announce(clockId, '2026-02-27T01:00:00.000Z', '2026-02-27T07:30:00.000Z');
    const { body: view } = await request(svc.url).post('/api/v1/tracking').send({ trackingCode, secret }).expect(200);
    expect(view.dueAt).toBe('2026-02-27T07:30:00.000Z');
    expect(view.timeline.filter((e: { kind: string }) => e.kind === 'deadline_set')).toEqual([
      { at: '2026-02-27T01:00:00.000Z', kind: 'deadline_set', detail: { step: 'handling', dueAt: '2026-02-27T07:30:00.000Z' } },
    ]);

    // Another lead assignment's clock is a step of its own.
    await announce(randomUUID(), '2026-03-10T01:00:00.000Z', '2026-05-09T16:00:00.000Z');
    const steps = (await db.query("SELECT detail->>'dueAt' AS due FROM timeline_entry WHERE grievance_id = $1 AND kind = 'deadline_set' ORDER BY at", [id])) as { due: string }[];
    expect(steps.map((s) => s.due)).toEqual(['2026-02-27T07:30:00.000Z', '2026-05-09T16:00:00.000Z']);
  });

  it('keeps the newest announcement of a clock when an older one arrives after it (a redelivered batch)', async () => {
    const { id, trackingCode, secret } = await register({ channel: 'web', regionCode: '330621101', categoryCode: 'school_closure', description: '学校食堂卫生条件差，希望有关部门检查。' });
    const db = svc.app.get(DataSource);
    const clockId = randomUUID();
    const announcement = (occurredAt: string, startedAt: string, dueAt: string): EventEnvelope<object> => ({
      ...envelope(ClockStarted.subject, { clockId, grievanceId: id, policyCode: 'handling_60d', step: 'handling', startedAt, dueAt }),
      occurredAt,
    });
    const applied = (eventId: string) =>
      waitFor(`clock.started ${eventId} applied`, async () => ((await db.query('SELECT 1 FROM inbox WHERE event_id = $1', [eventId])).length > 0 ? true : undefined));

    // Re-anchored on the receipt (announced second), delivered first…
    const newer = announcement('2026-03-02T01:00:05.000Z', '2026-02-27T01:00:00.000Z', '2026-02-27T07:30:00.000Z');
    await probe.publish(ns.subject(ClockStarted.subject), newer, newer.id);
    await applied(newer.id);
    // …then the assignment's first announcement, redelivered late.
    const older = announcement('2026-03-02T01:00:00.000Z', '2026-03-02T01:00:00.000Z', '2026-05-01T16:00:00.000Z');
    await probe.publish(ns.subject(ClockStarted.subject), older, older.id);
    await applied(older.id);

    const { body: view } = await request(svc.url).post('/api/v1/tracking').send({ trackingCode, secret }).expect(200);
    expect(view.dueAt).toBe('2026-02-27T07:30:00.000Z');
    expect(view.timeline.filter((e: { kind: string }) => e.kind === 'deadline_set')).toEqual([
      { at: '2026-02-27T01:00:00.000Z', kind: 'deadline_set', detail: { step: 'handling', dueAt: '2026-02-27T07:30:00.000Z' } },
    ]);

    // A newer announcement still moves it.
    const replanned = announcement('2026-03-02T01:00:09.000Z', '2026-02-27T01:00:00.000Z', '2026-03-03T07:30:00.000Z');
    await probe.publish(ns.subject(ClockStarted.subject), replanned, replanned.id);
    await applied(replanned.id);
    expect((await db.query('SELECT due_at FROM grievance WHERE id = $1', [id]))[0].due_at.toISOString()).toBe('2026-03-03T07:30:00.000Z');
    expect((await db.query("SELECT detail->>'dueAt' AS due FROM timeline_entry WHERE clock_id = $1", [clockId]))[0].due).toBe('2026-03-03T07:30:00.000Z');
  });

  it('follows the matter to its end: accepted with the road and reason, the reply, the evaluation, closure', async () => {
    const { id, trackingCode, secret } = await register({ channel: 'wechat', petitioner: { name: '王秀英', phone: '13700002222' }, regionCode: '330621101', categoryCode: 'livestock_nuisance', description: '邻居在院子里养了上百只鸡，臭味和噪音让全家睡不好觉。' });
    const t0 = Date.now();
    const at = (minutes: number) => new Date(t0 + minutes * 60_000).toISOString();
    const facts: EventEnvelope<object>[] = [
      envelope(GrievanceTriaged.subject, { grievanceId: id, categoryCode: 'livestock_nuisance', statutoryPath: 'petition', complexity: 'simple', colour: 'blue', reason: '属地镇政府依职责处理 / the town handles it', decidedBy: 'auto', decidedAt: at(1) }),
      envelope(AssignmentReplied.subject, {
        assignmentId: randomUUID(), grievanceId: id, trackingCode, role: 'lead', orgCode: 'town_330621101', by: { userId: 'u1', orgCode: 'town_330621101' }, at: at(2),
        letter: { request: '要求搬离鸡舍', facts: '鸡舍距住宅不足十米', reasons: '违反村规民约与环境卫生要求', opinion: '责令三日内迁移鸡舍', legalBasis: ['《畜禽规模养殖污染防治条例》'], conclusion: 'support' },
        contributions: [],
      }),
      envelope(GrievanceEvaluated.subject, { evaluationId: randomUUID(), grievanceId: id, trackingCode, round: 1, answerKind: 'reply', result: 'satisfied', resolved: true, channel: 'citizen_portal', byKind: 'citizen', at: at(3) }),
      envelope(GrievanceClosed.subject, { grievanceId: id, trackingCode, ceaseCommitment: true, evaluationResult: 'satisfied', final: false, closedAt: at(4) }),
    ];
    for (const f of facts) await probe.publish(ns.subject(f.type), f, f.id);

    const db = svc.app.get(DataSource);
    await waitFor('the closure applied', async () => (await db.query("SELECT 1 FROM timeline_entry WHERE grievance_id = $1 AND kind = 'closed'", [id])).length > 0);
    const { body: view } = await request(svc.url).post('/api/v1/tracking').send({ trackingCode, secret }).expect(200);
    expect(view.status).toBe('closed');
    expect(view.timeline.map((e: { kind: string }) => e.kind)).toEqual(['received', 'triaged', 'replied', 'evaluated', 'closed']);
    expect(view.timeline[1].detail).toMatchObject({ acceptedAsPetition: true, statutoryPath: 'petition', reason: '属地镇政府依职责处理 / the town handles it' });
    expect(view.timeline[2].detail).toEqual({ conclusion: 'support', opinion: '责令三日内迁移鸡舍' });
    expect(view.timeline[3].detail).toEqual({ result: 'satisfied', resolved: true });
    expect(JSON.stringify(view)).not.toContain('王秀英');
  });

  it('answers a wrong secret exactly like an unknown code', async () => {
    const body = await register({ channel: 'web', regionCode: '330621101', description: '路灯坏了三个月没人修。' });
    const wrong = await request(svc.url).post('/api/v1/tracking').send({ trackingCode: body.trackingCode, secret: 'WRONGSECRET' }).expect(404);
    const unknown = await request(svc.url).post('/api/v1/tracking').send({ trackingCode: '330621-26-ZZZZZ', secret: 'WRONGSECRET' }).expect(404);
    expect(wrong.body.error).toEqual(unknown.body.error);
  });

  it('lets the petitioner withdraw, once, and tells the other services', async () => {
    const body = await register({ channel: 'web', regionCode: '330621101', description: '小区门口占道经营，已经自行协商解决。' });
    const res = await request(svc.url).post('/api/v1/tracking/withdraw').send({ trackingCode: body.trackingCode, secret: body.secret, reason: '已协商解决' }).expect(200);
    expect(res.body.status).toBe('withdrawn');
    await request(svc.url).post('/api/v1/tracking/withdraw').send({ trackingCode: body.trackingCode, secret: body.secret, reason: '再次撤回' }).expect(200);
    const msgs = await waitFor('the withdrawn fact', async () => {
      const m = await probe.read(ns.stream('intake'), ns.subject(GrievanceWithdrawn.subject));
      return m.length ? m : undefined;
    });
    expect(msgs).toHaveLength(1);
    expect(msgs[0].json<EventEnvelope<{ grievanceId: string; reason: string }>>().data).toMatchObject({ grievanceId: body.id, reason: '已协商解决' });
  });

  it('rate-limits guessing on the tracking door', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await request(svc.url).post('/api/v1/tracking').send({ trackingCode: '330621-26-YYYYY', secret: `GUESS${i}XX` })).status);
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s !== 404 && s !== 429)).toEqual([]);
  });
});
