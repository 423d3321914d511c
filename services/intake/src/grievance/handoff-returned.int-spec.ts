import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { HandoffReturned, IntakeGetGrievance, type EventEnvelope, type HandoffReturnedV1 } from '@yikouban/contracts';
import { Namespace, RpcClient } from '@yikouban/messaging';
import { JetStreamProbe, startServiceUnderTest, waitFor, type RunningService, type ServiceUnderTest } from '@yikouban/testing';
import { intakeService } from '../service';

describe('访调 outcome returned to the petition case (real PostgreSQL and NATS)', () => {
  let sut: ServiceUnderTest;
  let ns: Namespace;
  let svc: RunningService;
  let probe: JetStreamProbe;
  let rpc: RpcClient;

  beforeAll(async () => {
    sut = await startServiceUnderTest(intakeService, {}, { database: 'intake_mediation', pg: false, rpcName: 'intake-mediation-test' });
    ({ ns, svc, probe, rpc } = sut);
  });

  afterAll(() => sut?.close());

  async function aGrievance(): Promise<{ id: string; trackingCode: string; secret: string }> {
    const { body } = await request(svc.url).post('/api/v1/grievances').send({ channel: 'web', regionCode: '330621101', description: '邻居加高院墙堵了排水沟，雨季积水倒灌进我家。' }).expect(201);
    return body;
  }

  /** Publishes a `mediation.handoff.returned` fact (twice when asked: a redelivery with a new message id). */
  async function returned(grievanceId: string, over: Partial<HandoffReturnedV1>, twice = false): Promise<void> {
    const data: HandoffReturnedV1 = {
      handoffId: randomUUID(), kind: 'petition_mediation', grievanceId, sourceReference: '330621-26-0042K', sourceOrgCode: 'dept_human_resources',
      targetOrgCode: 'med_labour', regionCode: '330621', at: new Date().toISOString(), outcome: 'agreement', followUp: 'close_petition', ...over,
    };
    const event: EventEnvelope<HandoffReturnedV1> = { id: randomUUID(), type: HandoffReturned.subject, v: 1, occurredAt: data.at, data };
    await probe.publish(ns.subject(HandoffReturned.subject), event, event.id);
    if (twice) await probe.publish(ns.subject(HandoffReturned.subject), event, randomUUID());
  }

  const timelineOf = async (g: { trackingCode: string; secret: string }): Promise<{ kind: string; detail: Record<string, unknown> }[]> =>
    (await request(svc.url).post('/api/v1/tracking').send({ trackingCode: g.trackingCode, secret: g.secret }).expect(200)).body.timeline;

  it('closes the petition case when mediation reached an agreement, once, and shows the step to the citizen', async () => {
    const g = await aGrievance();
    await returned(g.id, {}, true);
    const closed = await waitFor('the petition closed', async () => {
      const s = await rpc.request(IntakeGetGrievance, { trackingCode: g.trackingCode });
      return s.status === 'closed' ? s : undefined;
    });
    expect(closed.id).toBe(g.id);
    const steps = await timelineOf(g);
    expect(steps.filter((e) => e.kind === 'mediation_returned')).toEqual([expect.objectContaining({ detail: { outcome: 'agreement', followUp: 'close_petition' } })]);
  });

  it('keeps the petition case open when mediation failed, and ignores other kinds and unknown cases', async () => {
    const g = await aGrievance();
    await returned(g.id, { kind: 'litigation_mediation', followUp: 'no_filing_needed' });
    await returned(randomUUID(), {});
    await returned(g.id, { outcome: 'failure', followUp: 'continue_petition' });
    const steps = await waitFor('the failure shown', async () => {
      const t = await timelineOf(g);
      return t.some((e) => e.kind === 'mediation_returned') ? t : undefined;
    });
    expect(steps.filter((e) => e.kind === 'mediation_returned').map((e) => e.detail)).toEqual([{ outcome: 'failure', followUp: 'continue_petition' }]);
    expect((await rpc.request(IntakeGetGrievance, { trackingCode: g.trackingCode })).status).toBe('received');
  });
});
