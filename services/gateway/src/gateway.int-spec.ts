import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { connect, type Msg, type NatsConnection } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import request from 'supertest';
import { IntakeGetGrievance, RoutingListAssignments, SupervisionListClocks, type QueryContract } from '@yikouban/contracts';
import { loadConfig } from '@yikouban/config';
import { Namespace } from '@yikouban/messaging';
import { JsonLogger } from '@yikouban/observability';
import { createServiceApp } from '@yikouban/service-kit';
import { AppModule } from './app.module';
import { GatewayConfig } from './config/gateway.config';
import { aClock, aGrievance, anAssignment } from './grievance/testing/grievance-fixtures';

const NATS_URL = 'nats://127.0.0.1:4222';

/** Nest's NATS framing: requests arrive as { pattern, data, id }; replies go back as { id, response | err, isDisposed }. */
type Answer = { response: unknown } | { err: { code: string; message: string } };

describe('gateway (in process, real NATS, fake intake/routing/supervision)', () => {
  const ns = new Namespace(`t${randomBytes(5).toString('hex')}`);
  const known = aGrievance({ status: 'assigned', channel: 'wechat', headcount: 12 });
  const lead = anAssignment(known.id, { orgCode: 'town_b', orgName: '乙镇人民政府' });
  const co = anAssignment(known.id, { role: 'co', orgCode: 'water', orgName: '县水务局', status: 'created' });
  const clock = aClock(known.id, { step: 'acceptance', policyCode: 'accept_15d' });
  const received: string[] = [];
  let responders: NatsConnection;
  let app: INestApplication;
  let url: string;

  function respond<Req extends object>(contract: QueryContract<Req, unknown>, answer: (data: Req) => Answer): void {
    responders.subscribe(ns.subject(contract.subject), {
      callback: (err: Error | null, msg: Msg) => {
        if (err) return;
        const { id, data } = msg.json<{ id: string; data: Req }>();
        received.push(contract.subject);
        msg.respond(JSON.stringify({ id, ...answer(data), isDisposed: true }));
      },
    });
  }

  beforeAll(async () => {
    responders = await connect({ servers: NATS_URL, name: 'gateway-int-fakes' });
    respond(IntakeGetGrievance, ({ trackingCode }) =>
      trackingCode === known.trackingCode ? { response: known } : { err: { code: 'NOT_FOUND', message: 'no grievance with that tracking code' } },
    );
    respond(RoutingListAssignments, ({ grievanceId }) => ({ response: grievanceId === known.id ? [lead, co] : [] }));
    respond(SupervisionListClocks, ({ grievanceId }) => ({ response: grievanceId === known.id ? [clock] : [] }));
    await responders.flush();

    const config = loadConfig(GatewayConfig, { NODE_ENV: 'test', LOG_LEVEL: 'warn', NATS_URL, YKB_NAMESPACE: ns.prefix, GATEWAY_RPC_TIMEOUT_MS: '2000' });
    const logger = new JsonLogger('gateway', config.logLevel);
    app = await createServiceApp({ service: 'gateway', module: AppModule.forRoot(config, logger), port: 0, natsUrl: config.natsUrl, namespace: config.namespace, logger, rpc: false });
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
    // The messaging module made this run's dead-letter stream; leave NATS as we found it.
    const jsm = await jetstreamManager(responders);
    await jsm.streams.delete(ns.stream('dlq')).catch(() => undefined);
    await responders?.close();
  });

  const grievanceQuery = (code: string) =>
    request(url)
      .post('/graphql')
      .send({
        query: `query ($code: String!) { grievance(trackingCode: $code) {
          trackingCode status channel headcount receivedAt
          assignments { role unitCode unitName status } leadUnit { unitName } deadline { step state dueAt } } }`,
        variables: { code },
      });

  it('composes intake, routing and supervision over NATS into one answer', async () => {
    const res = await grievanceQuery(known.trackingCode).expect(200);
    expect(res.body).toEqual({
      data: {
        grievance: {
          trackingCode: known.trackingCode,
          status: 'ASSIGNED',
          channel: 'WECHAT',
          headcount: 12,
          receivedAt: known.receivedAt,
          assignments: [
            { role: 'LEAD', unitCode: 'town_b', unitName: '乙镇人民政府', status: 'accepted' },
            { role: 'CO', unitCode: 'water', unitName: '县水务局', status: 'created' },
          ],
          leadUnit: { unitName: '乙镇人民政府' },
          deadline: { step: 'acceptance', state: 'RUNNING', dueAt: clock.dueAt },
        },
      },
    });
    expect(res.headers['x-correlation-id']).toBeTruthy();
  });

  it('answers null for a code intake reports NOT_FOUND, and asks no one else', async () => {
    received.length = 0;
    const res = await grievanceQuery('YKB-2099-000000').expect(200);
    expect(res.body).toEqual({ data: { grievance: null } });
    expect(received).toEqual([IntakeGetGrievance.subject]);
  });

  it('refuses a malformed code with BAD_USER_INPUT', async () => {
    received.length = 0;
    const res = await grievanceQuery('<script>').expect(200);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'trackingCode' })] });
    expect(received).toEqual([]);
  });

  it('is live, and ready when NATS answers', async () => {
    await request(url).get('/health/live').expect(200, { status: 'ok' });
    const ready = await request(url).get('/health/ready').expect(200);
    expect(ready.body).toMatchObject({ status: 'ok', info: { nats: { status: 'up' } } });
  });
});
