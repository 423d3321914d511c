import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import request from 'supertest';
import { IntakeGetGrievance, RoutingListAssignmentsByGrievanceIds, SupervisionListClocksByGrievanceIds } from '@yikouban/contracts';
import type { InProcessGateway } from './auth/testing/in-process-gateway';
import { aClock, aGrievance, anAssignment } from './grievance/testing/grievance-fixtures';
import { DEMO_USERS } from './identity/demo-identities';
import { GATEWAY_SCHEMA_FILE, printGatewaySchema, writeSchemaFileIfChanged } from './graphql/schema-file';
import { startGatewayWithFakes, type GatewayWithFakes } from './testing/gateway-with-fakes';

describe('gateway (in process, real NATS, fake intake/routing/supervision)', () => {
  const known = aGrievance({ status: 'assigned', channel: 'wechat', headcount: 12 });
  const lead = anAssignment(known.id, { orgCode: 'town_b', orgName: '乙镇人民政府' });
  const co = anAssignment(known.id, { role: 'co', orgCode: 'water', orgName: '县水务局', status: 'created' });
  const clock = aClock(known.id, { step: 'acceptance', policyCode: 'accept_15d' });
  const received: string[] = [];
  let fakes: GatewayWithFakes;
  let gateway: InProcessGateway;
  let url: string;
  /** The command-centre operator's access token: the grievance query needs a signed-in staff role. */
  let token: string;

  beforeAll(async () => {
    fakes = await startGatewayWithFakes({
      name: 'gateway',
      onRequest: (subject) => received.push(subject),
      responders: (respond) => {
        respond(IntakeGetGrievance, ({ trackingCode }) =>
          trackingCode === known.trackingCode ? { response: known } : { err: { code: 'NOT_FOUND', message: 'no grievance with that tracking code' } },
        );
        // The gateway asks for assignments and clocks in batches (DataLoader), one request per service.
        respond(RoutingListAssignmentsByGrievanceIds, ({ grievanceIds }) => ({ response: grievanceIds.includes(known.id) ? [lead, co] : [] }));
        respond(SupervisionListClocksByGrievanceIds, ({ grievanceIds }) => ({ response: grievanceIds.includes(known.id) ? [clock] : [] }));
      },
    });
    ({ gateway, url } = fakes);
    token = await fakes.signIn(DEMO_USERS.find((u) => u.role === 'command_operator')!.username);
  });

  afterAll(() => fakes?.close());

  const grievanceQuery = (code: string) =>
    request(url)
      .post('/graphql')
      .set('authorization', `Bearer ${token}`)
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

  // To accept a deliberate change: YKB_WRITE_SCHEMA=1 npx jest services/gateway/src/gateway.int-spec.ts
  it('serves exactly the committed schema.gql', () => {
    const schema = gateway.app.get(GraphQLSchemaHost).schema;
    if (process.env.YKB_WRITE_SCHEMA === '1') writeSchemaFileIfChanged(schema, GATEWAY_SCHEMA_FILE);
    const sdl = printGatewaySchema(schema);
    expect(sdl).toEqual(readFileSync(GATEWAY_SCHEMA_FILE, 'utf8'));
  });

  it('is live, and ready when NATS and its database answer', async () => {
    await request(url).get('/health/live').expect(200, { status: 'ok' });
    const ready = await request(url).get('/health/ready').expect(200);
    expect(ready.body).toMatchObject({ status: 'ok', info: { nats: { status: 'up' }, database: { status: 'up' } } });
  });

  it('refuses the query to a caller who has not signed in, before asking anyone', async () => {
    received.length = 0;
    const res = await request(url).post('/graphql').send({ query: '{ grievance(trackingCode: "YKB-2099-000000") { trackingCode } }' }).expect(200);
    expect(res.body.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(received).toEqual([]);
  });
});
