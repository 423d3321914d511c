import 'reflect-metadata';
import { IntakeRegisterGrievance, IntakeTrackGrievance } from '@yikouban/contracts';
import { gql, LOGIN, type InProcessGateway } from '../auth/testing/in-process-gateway';
import { DEMO_USERS } from '../identity/demo-identities';
import { startGatewayWithFakes, type GatewayWithFakes } from '../testing/gateway-with-fakes';

/**
 * The citizen portal's rate limit on the whole gateway (real PostgreSQL for the counts, a stand-in
 * intake on real NATS): with GATEWAY_PUBLIC_REQUESTS_PER_MINUTE=LIMIT, the LIMIT+1st public call
 * from one address within a minute is refused before intake is asked.
 */
const LIMIT = 4;

describe('public operations are rate-limited per client address (in process)', () => {
  const asked: string[] = [];
  let fakes: GatewayWithFakes;
  let gateway: InProcessGateway;

  beforeAll(async () => {
    let seq = 0;
    fakes = await startGatewayWithFakes({
      name: 'gateway_rate_limit',
      env: { GATEWAY_PUBLIC_REQUESTS_PER_MINUTE: String(LIMIT) },
      onRequest: (subject) => asked.push(subject),
      responders: (respond) => {
        respond(IntakeRegisterGrievance, () => ({ response: { id: 'x', trackingCode: `330621-26-${String(++seq).padStart(4, '0')}X`, secret: 'ABCD2345', status: 'received', receivedAt: new Date().toISOString() } }));
        respond(IntakeTrackGrievance, (d) => ({ response: { trackingCode: d.trackingCode, status: 'received', channel: 'web', receivedAt: new Date().toISOString(), leadUnitName: null, dueAt: null, timeline: [] } }));
      },
    });
    gateway = fakes.gateway;
  });

  afterAll(() => fakes?.close());

  const SUBMIT = `mutation ($input: SubmitGrievanceInput!) { submitGrievance(input: $input) { trackingCode } }`;
  const TRACK = `query ($code: String!, $secret: String!) { trackGrievance(trackingCode: $code, secret: $secret) { status } }`;
  const submit = () => gql<{ submitGrievance: { trackingCode: string } }>(gateway.url, SUBMIT, { input: { regionCode: '330621103201', description: '村口路灯坏了一个多月。' } });

  it(`answers ${LIMIT} submissions in a minute and refuses the next with TOO_MANY_REQUESTS and retryAfterSeconds, asking intake nothing`, async () => {
    for (let i = 0; i < LIMIT; i++) {
      const ok = await submit();
      expect(ok.errors).toBeUndefined();
      expect(ok.data?.submitGrievance.trackingCode).toMatch(/^330621-26-/);
    }
    expect(asked).toHaveLength(LIMIT);

    const refused = await submit();
    expect(refused.data?.submitGrievance ?? null).toBeNull();
    expect(refused.errors).toEqual([expect.objectContaining({ path: ['submitGrievance'], extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: expect.any(Number) } })]);
    const retryAfter = refused.errors![0].extensions!.retryAfterSeconds as number;
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.errors![0].message).toMatch(/ \/ too many requests/);
    expect(asked).toHaveLength(LIMIT);
  });

  it('shares the budget across the public operations, aliases included, but not with staff sign-in', async () => {
    const tracked = await gql(gateway.url, TRACK, { code: '330621-26-0001X', secret: 'ABCD2345' });
    expect(tracked.errors?.[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    const aliased = await gql(gateway.url, `query { a: trackGrievance(trackingCode: "330621-26-0001X", secret: "ABCD2345") { status } b: trackGrievance(trackingCode: "330621-26-0002X", secret: "ABCD2345") { status } }`);
    // Each aliased field is a call of its own (a non-null root error may hide the second one's).
    expect(aliased.data ?? null).toBeNull();
    expect(aliased.errors?.length).toBeGreaterThanOrEqual(1);
    expect(new Set(aliased.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['TOO_MANY_REQUESTS']));
    expect(asked.filter((s) => s === IntakeTrackGrievance.subject)).toEqual([]);

    const clerk = DEMO_USERS.find((u) => u.username === 'clerk')!;
    const signIn = await gql<{ login: { accessToken: string } }>(gateway.url, LOGIN, { username: clerk.username, password: clerk.password });
    expect(signIn.errors).toBeUndefined();
    expect(signIn.data?.login.accessToken).toEqual(expect.any(String));
  });
});
