import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { AssignmentClosed, AssignmentCreated, DeadlineSet, SupervisionListClocks, type AssignmentClosedV1, type AssignmentCreatedV1, type DeadlineSetV1, type EventEnvelope } from '@yikouban/contracts';
import { Namespace, RpcClient } from '@yikouban/messaging';
import { JetStreamProbe, startServiceUnderTest, waitFor, type ServiceUnderTest } from '@yikouban/testing';
import { supervisionService } from '../service';

const envelope = <T>(type: string, data: T): EventEnvelope<T> => ({ id: randomUUID(), type, v: 1, occurredAt: new Date().toISOString(), data });

describe('访调 settled by agreement: the grievance’s clocks stop on routing.assignment.closed (real PostgreSQL and NATS)', () => {
  let sut: ServiceUnderTest;
  let ns: Namespace;
  let probe: JetStreamProbe;
  let pg: Client;
  let rpc: RpcClient;

  const clocksOf = async (grievanceId: string): Promise<{ id: string; step: string; state: string; stopped_at: Date | null; history: { change: string; cause: string }[] }[]> =>
    (await pg.query('SELECT id, step, state, stopped_at, history FROM supervision.clock WHERE grievance_id = $1 ORDER BY step', [grievanceId])).rows;

  beforeAll(async () => {
    sut = await startServiceUnderTest(supervisionService, { SUPERVISION_SWEEP_MS: '0' }, { database: 'supervision_agreement', rpcName: 'supervision-agreement-test' });
    ({ ns, probe, pg, rpc } = sut);
  });

  afterAll(() => sut?.close());

  async function publish<T>(subject: string, e: EventEnvelope<T>, msgId = e.id): Promise<void> {
    await probe.publish(ns.subject(subject), e, msgId);
  }

  /** A grievance whose lead unit's handling clock runs; answers its ids once the clock is there. */
  async function assigned(): Promise<{ grievanceId: string; assignmentId: string }> {
    const a: AssignmentCreatedV1 = {
      assignmentId: randomUUID(), grievanceId: randomUUID(), trackingCode: '330621-26-3301W', role: 'lead', orgCode: 'dept_human_resources', orgName: '县人力资源和社会保障局',
      regionCode: '330621102', ruleId: 'rule-wage', ruleVersion: 1, createdAt: new Date().toISOString(),
    };
    await publish(AssignmentCreated.subject, envelope(AssignmentCreated.subject, a));
    await waitFor('the handling clock', async () => ((await clocksOf(a.grievanceId)).some((c) => c.step === 'handling') ? true : undefined));
    return { grievanceId: a.grievanceId, assignmentId: a.assignmentId };
  }

  const closed = (g: { grievanceId: string; assignmentId: string }, over: Partial<AssignmentClosedV1> = {}): EventEnvelope<AssignmentClosedV1> =>
    envelope(AssignmentClosed.subject, {
      assignmentId: g.assignmentId, grievanceId: g.grievanceId, trackingCode: '330621-26-3301W', role: 'lead', orgCode: 'dept_human_resources',
      cause: 'mediation_agreement', handoffId: randomUUID(), mediationOrgCode: 'med_labour', at: '2026-11-23T03:00:00.000Z', ...over,
    });

  /** Closes `marker`'s assignment and waits for its clock to stop: the facts published before it on the subject were applied too. */
  async function settledAfter(marker: { grievanceId: string; assignmentId: string }): Promise<void> {
    await publish(AssignmentClosed.subject, closed(marker));
    await waitFor('the marker clock stopped', async () => ((await clocksOf(marker.grievanceId)).every((c) => c.state === 'stopped') ? true : undefined));
  }

  it('stops every clock of the grievance still counting, once, with the mediation agreement as the cause; other grievances keep theirs', async () => {
    const g = await assigned();
    const other = await assigned();
    const set: DeadlineSetV1 = {
      handoffId: randomUUID(), kind: 'petition_mediation', grievanceId: g.grievanceId, step: 'judicial_confirmation_application', amount: 30, unit: 'natural_days',
      source: '人民调解法 第三十三条', responsibleOrgCode: 'med_labour', startedAt: new Date().toISOString(), dueAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    };
    await publish(DeadlineSet.subject, envelope(DeadlineSet.subject, set));
    await waitFor('the mediation clock', async () => ((await clocksOf(g.grievanceId)).length >= 2 ? true : undefined));
    const running = await clocksOf(g.grievanceId);
    expect(running.every((c) => c.state === 'running')).toBe(true);

    const lead = closed(g);
    await publish(AssignmentClosed.subject, lead);
    await publish(AssignmentClosed.subject, lead, randomUUID()); // a redelivery
    await publish(AssignmentClosed.subject, closed({ grievanceId: g.grievanceId, assignmentId: randomUUID() }, { role: 'co', orgCode: 'dept_housing', handoffId: lead.data.handoffId, at: '2026-11-23T03:00:01.000Z' }));
    await settledAfter(await assigned());

    const stopped = await clocksOf(g.grievanceId);
    expect(stopped.map((c) => c.step)).toEqual(running.map((c) => c.step));
    for (const c of stopped) {
      expect(c).toMatchObject({ state: 'stopped', stopped_at: new Date('2026-11-23T03:00:00.000Z') });
      expect(c.history.filter((x) => x.change === 'stopped')).toEqual([expect.objectContaining({ cause: `mediation_agreement: ${AssignmentClosed.subject} ${lead.id}` })]);
    }
    expect((await rpc.request(SupervisionListClocks, { grievanceId: g.grievanceId })).map((c) => c.state)).toEqual(stopped.map(() => 'stopped'));
    expect((await clocksOf(other.grievanceId)).map((c) => c.state)).toEqual(['running']);
  });

  it('dead-letters a mediation closure that names no handoff and stops nothing for it', async () => {
    const g = await assigned();
    const bad = closed(g);
    delete bad.data.handoffId;
    await publish(AssignmentClosed.subject, bad);
    await settledAfter(await assigned());
    const dead = await waitFor('the dead letter', async () => {
      const msgs = await probe.read(ns.stream('dlq'), ns.subject(`dlq.supervision.${AssignmentClosed.subject}`));
      return msgs.length > 0 ? msgs : undefined;
    });
    expect(dead.map((m) => m.headers?.get('x-dlq-reason'))).toEqual([expect.stringContaining('handoffId')]);
    expect((await clocksOf(g.grievanceId)).map((c) => c.state)).toEqual(['running']);
  });
});
