import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { AssignmentCreated, ClockStarted, DeadlineBreached, DeadlineSet, DeadlineWarning, GrievanceTriaged, GrievanceWithdrawn, HandoffAccepted, SupervisionListClocks, SupervisionListClocksByGrievanceIds, type AssignmentCreatedV1, type ClockStartedV1, type EventEnvelope } from '@yikouban/contracts';
import { Namespace, RpcClient } from '@yikouban/messaging';
import { JetStreamProbe, startServiceUnderTest, waitFor, type RunningService, type ServiceUnderTest } from '@yikouban/testing';
import { ClockSweeper } from './clock/clock-sweeper';
import { supervisionService } from './service';

function assignmentEvent(overrides: Partial<AssignmentCreatedV1> = {}): EventEnvelope<AssignmentCreatedV1> {
  return {
    id: randomUUID(),
    type: AssignmentCreated.subject,
    v: 1,
    occurredAt: '2026-11-20T02:00:00.000Z',
    data: {
      assignmentId: randomUUID(),
      grievanceId: randomUUID(),
      trackingCode: '330621-26-2223G',
      role: 'lead',
      orgCode: 'org_hr',
      orgName: '县人力资源和社会保障局',
      regionCode: '330621101',
      ruleId: 'rule-wage',
      ruleVersion: 1,
      createdAt: '2026-11-20T02:00:00.000Z',
      ...overrides,
    },
  };
}

describe('supervision service: clocks driven by real events', () => {
  let sut: ServiceUnderTest;
  let ns: Namespace;
  let svc: RunningService;
  let probe: JetStreamProbe;
  let pg: Client;
  let rpc: RpcClient;
  const clocksOf = async (grievanceId: string) =>
    (await pg.query('SELECT * FROM supervision.clock WHERE grievance_id = $1', [grievanceId])).rows;

  beforeAll(async () => {
    sut = await startServiceUnderTest(supervisionService, { SUPERVISION_SWEEP_MS: '0' });
    ({ ns, svc, probe, pg, rpc } = sut);
  });

  afterAll(() => sut?.close());

  it('starts the handling clock (60 days, to the end of the last day) for the lead unit and publishes clock.started', async () => {
    const event = assignmentEvent();
    await probe.publish(ns.subject(AssignmentCreated.subject), event, event.id);
    const [clock] = await waitFor('a clock', async () => ((await clocksOf(event.data.grievanceId)).length ? clocksOf(event.data.grievanceId) : undefined));
    expect(clock).toMatchObject({ step: 'handling', policy_code: 'handling_60d', state: 'running', subject_id: event.data.assignmentId });
    expect(new Date(clock.due_at).toISOString()).toBe('2027-01-19T16:00:00.000Z');
    const started = await waitFor('clock.started on JetStream', async () => {
      const msgs = await probe.read(ns.stream('supervision'), ns.subject(ClockStarted.subject));
      return msgs.find((m) => m.json<EventEnvelope<{ grievanceId: string }>>().data.grievanceId === event.data.grievanceId);
    });
    expect(started.json<EventEnvelope<{ dueAt: string }>>().data.dueAt).toBe('2027-01-19T16:00:00.000Z');
    const viaNats = await rpc.request(SupervisionListClocks, { grievanceId: event.data.grievanceId });
    expect(viaNats).toEqual([expect.objectContaining({ id: clock.id, dueAt: '2027-01-19T16:00:00.000Z', state: 'running' })]);
  });

  it("answers many grievances' clocks in one request, and refuses a bad batch", async () => {
    const [a, b] = [assignmentEvent(), assignmentEvent()];
    for (const e of [a, b]) await probe.publish(ns.subject(AssignmentCreated.subject), e, e.id);
    const ids = [a.data.grievanceId, b.data.grievanceId];
    await waitFor('both clocks', async () => ((await Promise.all(ids.map(clocksOf))).every((rows) => rows.length === 1) ? true : undefined));
    const clocks = await rpc.request(SupervisionListClocksByGrievanceIds, { grievanceIds: [...ids, randomUUID()] });
    expect(clocks.map((c) => c.grievanceId).sort()).toEqual([...ids].sort());
    expect(clocks.every((c) => c.step === 'handling' && c.state === 'running')).toBe(true);
    await expect(rpc.request(SupervisionListClocksByGrievanceIds, { grievanceIds: [] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(rpc.request(SupervisionListClocksByGrievanceIds, { grievanceIds: ['not-a-uuid'] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('applies a redelivered event once (same event id, new message id)', async () => {
    const event = assignmentEvent();
    await probe.publish(ns.subject(AssignmentCreated.subject), event, event.id);
    await probe.publish(ns.subject(AssignmentCreated.subject), event, randomUUID());
    const marker = assignmentEvent();
    await probe.publish(ns.subject(AssignmentCreated.subject), marker, marker.id);
    // The marker comes after both copies on the same stream: once it is applied, so were they.
    await waitFor('the marker clock', async () => (await clocksOf(marker.data.grievanceId)).length === 1);
    expect(await clocksOf(event.data.grievanceId)).toHaveLength(1);
  });

  it('starts no clock for a co-handling unit', async () => {
    const co = assignmentEvent({ role: 'co' });
    const marker = assignmentEvent();
    await probe.publish(ns.subject(AssignmentCreated.subject), co, co.id);
    await probe.publish(ns.subject(AssignmentCreated.subject), marker, marker.id);
    await waitFor('the marker clock', async () => (await clocksOf(marker.data.grievanceId)).length === 1);
    expect(await clocksOf(co.data.grievanceId)).toHaveLength(0);
  });

  it('dead-letters an invalid event with the reason and keeps consuming', async () => {
    const bad = assignmentEvent({ orgCode: 'NOT A CODE!' });
    const notJson = 'this is not json';
    await probe.publish(ns.subject(AssignmentCreated.subject), bad, bad.id);
    await probe.publish(ns.subject(AssignmentCreated.subject), notJson, randomUUID());
    const after = assignmentEvent();
    await probe.publish(ns.subject(AssignmentCreated.subject), after, after.id);
    await waitFor('the event after the bad ones', async () => (await clocksOf(after.data.grievanceId)).length === 1);
    const dead = await waitFor('two dead letters', async () => {
      const msgs = await probe.read(ns.stream('dlq'), ns.subject('dlq.supervision.>'));
      return msgs.length >= 2 ? msgs : undefined;
    });
    const reasons = dead.map((m) => m.headers?.get('x-dlq-reason'));
    expect(reasons).toEqual(expect.arrayContaining([expect.stringContaining('orgCode'), 'payload is not JSON']));
    expect(dead[0].subject).toBe(ns.subject(`dlq.supervision.${AssignmentCreated.subject}`));
    expect(await clocksOf(bad.data.grievanceId)).toHaveLength(0);
  });

  it('warns at 50 % and 80 %, breaches at the deadline and escalates, each fact once', async () => {
    const event = assignmentEvent();
    await probe.publish(ns.subject(AssignmentCreated.subject), event, event.id);
    await waitFor('a clock', async () => (await clocksOf(event.data.grievanceId)).length === 1);
    const sweeper = svc.app.get(ClockSweeper);
    const start = Date.parse('2026-11-20T02:00:00.000Z');
    const day = 86_400_000;
    await sweeper.sweep(new Date(start + 31 * day)); // past 50 %
    await sweeper.sweep(new Date(start + 31 * day)); // nothing new
    await sweeper.sweep(new Date(start + 62 * day)); // 80 %, the deadline (end of day 60), and a day later the command centre
    const [clock] = await clocksOf(event.data.grievanceId);
    expect(clock).toMatchObject({ state: 'breached', warnings_sent: 2, escalation_level: 2 });
    const mine = <T>(msgs: { json<U>(): U }[]) => msgs.map((m) => m.json<EventEnvelope<T & { grievanceId: string }>>().data).filter((d) => d.grievanceId === event.data.grievanceId);
    const warnings = await waitFor('two warnings', async () => {
      const w = mine<{ share: number }>(await probe.read(ns.stream('supervision'), ns.subject(DeadlineWarning.subject)));
      return w.length >= 2 ? w : undefined;
    });
    expect(warnings.map((w) => w.share)).toEqual([0.5, 0.8]);
    const breaches = await waitFor('two breach steps', async () => {
      const b = mine<{ escalatedTo: string }>(await probe.read(ns.stream('supervision'), ns.subject(DeadlineBreached.subject)));
      return b.length >= 2 ? b : undefined;
    });
    expect(breaches.map((b) => b.escalatedTo)).toEqual(['handling_unit', 'command_centre']);
  });

  it('stops every clock of a withdrawn grievance', async () => {
    const event = assignmentEvent();
    await probe.publish(ns.subject(AssignmentCreated.subject), event, event.id);
    await waitFor('a clock', async () => (await clocksOf(event.data.grievanceId)).length === 1);
    const withdrawn = { id: randomUUID(), type: GrievanceWithdrawn.subject, v: 1, occurredAt: new Date().toISOString(), data: { grievanceId: event.data.grievanceId, trackingCode: '330621-26-2223G', reason: '已自行和解', withdrawnAt: '2026-11-21T00:00:00.000Z' } };
    await probe.publish(ns.subject(GrievanceWithdrawn.subject), withdrawn, withdrawn.id);
    const [clock] = await waitFor('the clock stopped', async () => {
      const rows = await clocksOf(event.data.grievanceId);
      return rows[0]?.state === 'stopped' ? rows : undefined;
    });
    expect(clock.next_alarm_at).toBeNull();
    expect(clock.history.map((h: { change: string }) => h.change)).toEqual(['started', 'stopped']);
  });

  it('gives a consultation half a working day under the demo county policy', async () => {
    const event = assignmentEvent({ createdAt: '2025-09-26T02:00:00.000Z' }); // Friday 10:00 Beijing
    const triaged = { id: randomUUID(), type: GrievanceTriaged.subject, v: 1, occurredAt: new Date().toISOString(), data: { grievanceId: event.data.grievanceId, statutoryPath: 'consultation', complexity: 'simple', colour: 'blue', reason: '咨询类事项', decidedBy: 'auto', decidedAt: '2025-09-26T02:00:00.000Z' } };
    await probe.publish(ns.subject(GrievanceTriaged.subject), triaged, triaged.id);
    await waitFor('the profile', async () => (await pg.query('SELECT 1 FROM supervision.grievance_profile WHERE grievance_id = $1', [event.data.grievanceId])).rows.length === 1);
    await probe.publish(ns.subject(AssignmentCreated.subject), event, event.id);
    const [clock] = await waitFor('a clock', async () => ((await clocksOf(event.data.grievanceId)).length ? clocksOf(event.data.grievanceId) : undefined));
    expect(clock.policy_code).toBe('330621_consultation_half_day');
    expect(new Date(clock.due_at).toISOString()).toBe('2025-09-26T07:30:00.000Z');
  });

  it('re-plans a running handling clock when triage judges a consultation after the assignment, and announces the new due date', async () => {
    const event = assignmentEvent({ createdAt: '2025-09-26T02:00:00.000Z' }); // Friday 10:00 Beijing
    const { grievanceId } = event.data;
    await probe.publish(ns.subject(AssignmentCreated.subject), event, event.id);
    const [before] = await waitFor('a clock', async () => ((await clocksOf(grievanceId)).length ? clocksOf(grievanceId) : undefined));
    expect(before.policy_code).toBe('handling_60d');
    const triaged = { id: randomUUID(), type: GrievanceTriaged.subject, v: 1, occurredAt: new Date().toISOString(), data: { grievanceId, statutoryPath: 'consultation', complexity: 'simple', colour: 'blue', reason: '咨询类事项', decidedBy: 'auto', decidedAt: '2025-09-26T03:00:00.000Z' } };
    await probe.publish(ns.subject(GrievanceTriaged.subject), triaged, triaged.id);
    const [after] = await waitFor('the clock re-planned', async () => {
      const rows = await clocksOf(grievanceId);
      return rows[0]?.policy_code === '330621_consultation_half_day' ? rows : undefined;
    });
    expect(after).toMatchObject({ id: before.id, state: 'running' });
    expect(new Date(after.due_at).toISOString()).toBe('2025-09-26T07:30:00.000Z');
    expect(after.history.map((h: { change: string }) => h.change)).toEqual(['started', 'replanned']);
    // The same clock is announced again with its new due date: intake shows the citizen that one.
    const announced = await waitFor('the re-planned clock.started', async () => {
      const mine = (await probe.read(ns.stream('supervision'), ns.subject(ClockStarted.subject)))
        .map((m) => m.json<EventEnvelope<ClockStartedV1>>().data)
        .filter((d) => d.clockId === before.id);
      return mine.length === 2 ? mine : undefined;
    });
    expect(announced.map((d) => [d.policyCode, d.dueAt])).toEqual([
      ['handling_60d', new Date(before.due_at).toISOString()],
      ['330621_consultation_half_day', '2025-09-26T07:30:00.000Z'],
    ]);
    expect(new Set(announced.map((d) => d.startedAt))).toEqual(new Set([new Date(before.started_at).toISOString()]));
  });

  it('runs a mediation time limit from mediation.deadline.set and stops it when the handoff is accepted', async () => {
    const handoffId = randomUUID();
    const grievanceId = randomUUID();
    const base = { handoffId, kind: 'petition_mediation', grievanceId, sourceReference: '330621-26-2223G', sourceOrgCode: 'dept_petition', targetOrgCode: 'med_330621101', regionCode: '330621101' };
    const set = { id: randomUUID(), type: DeadlineSet.subject, v: 1, occurredAt: new Date().toISOString(), data: { handoffId, kind: 'petition_mediation', grievanceId, step: 'handoff_acceptance', amount: 3, unit: 'working_days', source: '受理申请后3个工作日内决定', responsibleOrgCode: 'med_330621101', startedAt: '2025-09-26T02:00:00.000Z', dueAt: '2025-10-01T16:00:00.000Z' } };
    await probe.publish(ns.subject(DeadlineSet.subject), set, set.id);
    const [clock] = await waitFor('the mediation clock', async () => ((await clocksOf(grievanceId)).length ? clocksOf(grievanceId) : undefined));
    // 3 working days after Friday 2025-09-26: Sunday 09-28 is a make-up workday, then 09-29, 09-30.
    expect(new Date(clock.due_at).toISOString()).toBe('2025-09-30T16:00:00.000Z');
    const accepted = { id: randomUUID(), type: HandoffAccepted.subject, v: 1, occurredAt: new Date().toISOString(), data: { ...base, at: '2025-09-29T01:00:00.000Z' } };
    await probe.publish(ns.subject(HandoffAccepted.subject), accepted, accepted.id);
    await waitFor('the clock stopped', async () => (await clocksOf(grievanceId))[0]?.state === 'stopped');
  });
});
