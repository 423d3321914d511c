import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  AssignmentCreated,
  DeadlineBreached,
  DeadlineExtended,
  HandoffAccepted,
  HandoffReturned,
  SupervisionDecideDeadlineExtension,
  SupervisionRequestDeadlineExtension,
  type AssignmentCreatedV1,
  type EventEnvelope,
  type HandoffAcceptedV1,
  type HandoffReturnedV1,
} from '@yikouban/contracts';
import { Namespace, RpcClient } from '@yikouban/messaging';
import { JetStreamProbe, startServiceUnderTest, waitFor, type RunningService, type ServiceUnderTest } from '@yikouban/testing';
import { supervisionService } from '../service';
import { ClockSweeper } from './clock-sweeper';

const envelope = <T>(type: string, data: T): EventEnvelope<T> => ({ id: randomUUID(), type, v: 1, occurredAt: new Date().toISOString(), data });
const DAY = 86_400_000;

interface ClockRow { id: string; state: string; due_at: Date; next_alarm_at: Date | null; escalation_level: number; history: { change: string; cause: string }[] }

describe('handling clocks paused by 访调, resumed on failure, extended once, then breached (real PostgreSQL and NATS)', () => {
  let sut: ServiceUnderTest;
  let ns: Namespace;
  let svc: RunningService;
  let probe: JetStreamProbe;
  let pg: Client;
  let rpc: RpcClient;

  const handlingOf = async (grievanceId: string): Promise<ClockRow> =>
    (await pg.query(`SELECT id, state, due_at, next_alarm_at, escalation_level, history FROM supervision.clock WHERE grievance_id = $1 AND step = 'handling'`, [grievanceId])).rows[0];

  beforeAll(async () => {
    sut = await startServiceUnderTest(supervisionService, { SUPERVISION_SWEEP_MS: '0' }, { database: 'supervision_pause', rpcName: 'supervision-pause-test' });
    ({ ns, svc, probe, pg, rpc } = sut);
  });

  afterAll(() => sut?.close());

  const publish = <T>(subject: string, data: T) => probe.publish(ns.subject(subject), envelope(subject, data));
  const published = <T>(subject: string, match: (d: T) => boolean) =>
    waitFor(`${subject} on the stream`, async () => (await probe.read(ns.stream('supervision'), ns.subject(subject))).map((m) => m.json<EventEnvelope<T>>().data).find(match));

  /** A grievance whose lead unit's 60-day handling clock runs. */
  async function assigned(createdAt = new Date()): Promise<{ grievanceId: string; clock: ClockRow }> {
    const a: AssignmentCreatedV1 = {
      assignmentId: randomUUID(), grievanceId: randomUUID(), trackingCode: '330621-26-3302W', role: 'lead', orgCode: 'dept_human_resources', orgName: '县人力资源和社会保障局',
      regionCode: '330621102', ruleId: 'rule-wage', ruleVersion: 1, createdAt: createdAt.toISOString(),
    };
    await publish(AssignmentCreated.subject, a);
    const clock = await waitFor('the handling clock', async () => handlingOf(a.grievanceId));
    return { grievanceId: a.grievanceId, clock };
  }

  const handoff = (grievanceId: string, kind: HandoffAcceptedV1['kind'] = 'petition_mediation') => ({
    handoffId: randomUUID(), kind, grievanceId, sourceReference: '330621-26-3302W', sourceOrgCode: 'petition_office', targetOrgCode: 'med_labour', regionCode: '330621102',
  });

  const staff = (userId: string) => ({ kind: 'staff' as const, userId, orgCode: 'dept_human_resources' });

  it('pauses while in 访调 (no alarm fires), resumes on failure with the paused time given back, and then breaches on the new date', async () => {
    const sweeper = svc.app.get(ClockSweeper);
    const g = await assigned();
    expect(g.clock).toMatchObject({ state: 'running' });
    const h = handoff(g.grievanceId);
    const pausedAt = new Date(Date.now() + 1_000);
    await publish<HandoffAcceptedV1>(HandoffAccepted.subject, { ...h, at: pausedAt.toISOString() });
    const paused = await waitFor('paused', async () => ((await handlingOf(g.grievanceId))?.state === 'paused' ? handlingOf(g.grievanceId) : undefined));
    expect(paused.next_alarm_at).toBeNull();
    expect(paused.due_at).toEqual(g.clock.due_at);
    expect(paused.history.at(-1)).toMatchObject({ change: 'paused', cause: expect.stringContaining(HandoffAccepted.subject) });

    // Long past the deadline: a paused clock neither warns nor breaches.
    await sweeper.sweep(new Date(g.clock.due_at.getTime() + 5 * DAY));
    expect(await handlingOf(g.grievanceId)).toMatchObject({ state: 'paused', escalation_level: 0 });

    // Another handoff kind (a court's) never touches the petition's clock.
    await publish<HandoffReturnedV1>(HandoffReturned.subject, { ...handoff(g.grievanceId, 'litigation_mediation'), at: new Date().toISOString(), outcome: 'failure', followUp: 'resume_proceedings' });

    const resumedAt = new Date(pausedAt.getTime() + 10 * DAY + 3_600_000);
    await publish<HandoffReturnedV1>(HandoffReturned.subject, { ...h, at: resumedAt.toISOString(), outcome: 'failure', followUp: 'continue_petition' });
    const resumed = await waitFor('resumed', async () => ((await handlingOf(g.grievanceId))?.state === 'running' ? handlingOf(g.grievanceId) : undefined));
    // handling_60d counts natural days: the due date moves by the wall time paused.
    expect(resumed.due_at.getTime()).toBe(g.clock.due_at.getTime() + (resumedAt.getTime() - pausedAt.getTime()));
    expect(resumed.next_alarm_at).not.toBeNull();
    expect(resumed.history.map((c) => c.change)).toEqual(['started', 'paused', 'resumed']);

    // The re-planned alarms fire against the new date: just before it no breach, just after it the unit is told.
    await sweeper.sweep(new Date(resumed.due_at.getTime() - 60_000));
    expect((await handlingOf(g.grievanceId)).state).toBe('running');
    await sweeper.sweep(new Date(resumed.due_at.getTime() + 60_000));
    expect(await handlingOf(g.grievanceId)).toMatchObject({ state: 'breached', escalation_level: 1 });
    const breach = await published<{ grievanceId: string; escalatedTo: string; dueAt: string }>(DeadlineBreached.subject, (d) => d.grievanceId === g.grievanceId);
    expect(breach).toMatchObject({ escalatedTo: 'handling_unit', dueAt: resumed.due_at.toISOString() });
  });

  it('an agreement leaves the clock paused (routing closes the matter)', async () => {
    const g = await assigned();
    const h = handoff(g.grievanceId);
    await publish<HandoffAcceptedV1>(HandoffAccepted.subject, { ...h, at: new Date().toISOString() });
    await waitFor('paused', async () => ((await handlingOf(g.grievanceId))?.state === 'paused' ? true : undefined));
    await publish<HandoffReturnedV1>(HandoffReturned.subject, { ...h, at: new Date().toISOString(), outcome: 'agreement', followUp: 'close_petition' });
    // A later fact on the same subject proves the agreement was applied.
    const marker = await assigned();
    const mh = handoff(marker.grievanceId);
    await publish<HandoffAcceptedV1>(HandoffAccepted.subject, { ...mh, at: new Date().toISOString() });
    // Accepted and returned travel on different subjects: the marker's return goes out once its pause is in.
    await waitFor('the marker paused', async () => ((await handlingOf(marker.grievanceId))?.state === 'paused' ? true : undefined));
    await publish<HandoffReturnedV1>(HandoffReturned.subject, { ...mh, at: new Date(Date.now() + 1000).toISOString(), outcome: 'failure', followUp: 'continue_petition' });
    await waitFor('the marker resumed', async () => ((await handlingOf(marker.grievanceId))?.history.some((c) => c.change === 'resumed') ? true : undefined));
    expect((await handlingOf(g.grievanceId)).state).toBe('paused');
  });

  it('extends the handling deadline once, by at most 30 days, with the approver logged and supervision.deadline.extended published', async () => {
    const g = await assigned();
    const tooLong = rpc.request(SupervisionRequestDeadlineExtension, { grievanceId: g.grievanceId, days: 31, reason: '需要鉴定', by: staff('unit-1') });
    await expect(tooLong).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    const first = await rpc.request(SupervisionRequestDeadlineExtension, { grievanceId: g.grievanceId, days: 10, reason: '需要补充调查', by: staff('unit-1') });
    expect(first).toMatchObject({ status: 'pending', days: 10, previousDueAt: g.clock.due_at.toISOString(), newDueAt: null });
    await expect(rpc.request(SupervisionRequestDeadlineExtension, { grievanceId: g.grievanceId, days: 5, reason: '再次申请', by: staff('unit-1') })).rejects.toMatchObject({ code: 'CONFLICT' });
    const refused = await rpc.request(SupervisionDecideDeadlineExtension, { requestId: first.id, approve: false, note: '理由不充分', by: staff('supervisor-1') });
    expect(refused).toMatchObject({ status: 'refused', decidedBy: 'supervisor-1', newDueAt: null });
    expect((await handlingOf(g.grievanceId)).due_at).toEqual(g.clock.due_at);

    const second = await rpc.request(SupervisionRequestDeadlineExtension, { grievanceId: g.grievanceId, days: 30, reason: '涉及多部门，需要司法鉴定', by: staff('unit-1') });
    const approved = await rpc.request(SupervisionDecideDeadlineExtension, { requestId: second.id, approve: true, by: staff('leader-1') });
    await expect(rpc.request(SupervisionDecideDeadlineExtension, { requestId: second.id, approve: true, by: staff('leader-1') })).rejects.toMatchObject({ code: 'CONFLICT' });
    const clock = await handlingOf(g.grievanceId);
    expect(approved).toMatchObject({ status: 'approved', decidedBy: 'leader-1', newDueAt: clock.due_at.toISOString() });
    const added = (clock.due_at.getTime() - g.clock.due_at.getTime()) / DAY;
    expect(added).toBeGreaterThanOrEqual(30); // 30 days, more only when the last day falls on a holiday
    expect(clock.history.at(-1)).toMatchObject({ change: 'extended', cause: expect.stringMatching(/涉及多部门.*approved by leader-1/) });
    expect(clock.next_alarm_at).not.toBeNull();
    const fact = await published<{ grievanceId: string; days: number; approvedBy: string; dueAt: string }>(DeadlineExtended.subject, (d) => d.grievanceId === g.grievanceId);
    expect(fact).toMatchObject({ days: 30, approvedBy: 'leader-1', dueAt: clock.due_at.toISOString(), previousDueAt: g.clock.due_at.toISOString() });

    // 第三十四条: once only.
    await expect(rpc.request(SupervisionRequestDeadlineExtension, { grievanceId: g.grievanceId, days: 1, reason: '还要时间', by: staff('unit-1') })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('already_extended') });
  });

  it('refuses a request for a grievance without a handling clock, and an unknown request', async () => {
    await expect(rpc.request(SupervisionRequestDeadlineExtension, { grievanceId: randomUUID(), days: 5, reason: 'x', by: staff('unit-1') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(rpc.request(SupervisionDecideDeadlineExtension, { requestId: randomUUID(), approve: true, by: staff('leader-1') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
