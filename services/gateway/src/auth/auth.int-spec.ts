import 'reflect-metadata';
import { Client } from 'pg';
import { createTestDatabase, TEST_NATS_URL, testNamespace, type TestDatabase } from '@yikouban/testing';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { hashSecret } from '../identity/secret-hasher';
import { DEMO_API_CLIENT, DEMO_USERS } from '../identity/demo-identities';
import { AuthMessages } from './auth.errors';
import { FAILURES_PER_NAME_AND_ADDRESS } from './login-throttle.service';
import { hashRefreshToken } from './refresh-token.service';
import { gql, LOGIN, signIn, startGatewayInProcess, type InProcessGateway } from './testing/in-process-gateway';

const REFRESH = `mutation ($t: String!) { refresh(refreshToken: $t) { accessToken refreshToken expiresIn user { username } } }`;
const LOGOUT = `mutation ($t: String!) { logout(refreshToken: $t) }`;
const ME = `{ me { id kind role username displayName orgCode regionCode scopes } }`;
const CLIENT_TOKEN = `mutation ($id: String!, $secret: String!) { clientToken(clientId: $id, clientSecret: $secret) { accessToken tokenType expiresIn scopes } }`;
const GRIEVANCE = `query ($code: String!) { grievance(trackingCode: $code) { trackingCode } }`;

interface Session {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: { id: string; username: string; displayName: string; role: string; orgCode: string; regionCode: string };
}

const demo = (username: string) => DEMO_USERS.find((u) => u.username === username)!;
const codeOf = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.code;

describe('gateway sign-in and authorisation (in process, real PostgreSQL and NATS)', () => {
  const namespace = testNamespace();
  let db: TestDatabase;
  let pg: Client;
  let gw: InProcessGateway;

  beforeAll(async () => {
    db = await createTestDatabase('gateway');
    gw = await startGatewayInProcess({ DATABASE_URL: db.url, NATS_URL: TEST_NATS_URL, YKB_NAMESPACE: namespace });
    pg = new Client({ connectionString: db.url });
    await pg.connect();
  });

  afterAll(async () => {
    await gw?.close();
    await pg?.end();
    const nc = await connect({ servers: TEST_NATS_URL });
    const jsm = await jetstreamManager(nc);
    for await (const s of jsm.streams.list()) if (s.config.name.startsWith(namespace.toUpperCase() + '_')) await jsm.streams.delete(s.config.name);
    await nc.close();
    await db?.drop();
  });

  const login = (username: string, password: string) => gql<{ login: Session }>(gw.url, LOGIN, { username, password });

  it('signs in every demo user, with a 15-minute access token that `me` recognises', async () => {
    for (const u of DEMO_USERS) {
      const { data, errors } = await login(u.username, u.password);
      expect(errors).toBeUndefined();
      expect(data?.login).toMatchObject({ expiresIn: 900, user: { username: u.username, displayName: u.displayName, role: u.role.toUpperCase(), orgCode: u.orgCode, regionCode: u.regionCode } });
      const me = await gql<{ me: Record<string, unknown> }>(gw.url, ME, {}, data!.login.accessToken);
      expect(me.data?.me).toEqual({ id: data!.login.user.id, kind: 'STAFF', role: u.role.toUpperCase(), username: u.username, displayName: u.displayName, orgCode: u.orgCode, regionCode: u.regionCode, scopes: [] });
    }
  });

  it('takes the user name in any case, with spaces around it', async () => {
    expect((await login('  CLERK ', demo('clerk').password)).data?.login.user.username).toBe('clerk');
  });

  it('answers an unknown user and a wrong password alike: UNAUTHENTICATED, same message', async () => {
    const unknown = await login('nobody', 'whatever-password');
    const wrong = await login('clerk', 'not-the-password');
    expect(unknown).toEqual({ data: null, errors: [expect.objectContaining({ message: AuthMessages.badCredentials, extensions: { code: 'UNAUTHENTICATED' } })] });
    expect(wrong.errors).toEqual(unknown.errors);
  });

  it('refuses a deactivated user, with the same answer', async () => {
    await pg.query("UPDATE gateway.staff_user SET active = false WHERE username = 'procurator'");
    const res = await login('procurator', demo('procurator').password);
    expect(res.errors?.[0]).toMatchObject({ message: AuthMessages.badCredentials, extensions: { code: 'UNAUTHENTICATED' } });
    await pg.query("UPDATE gateway.staff_user SET active = true WHERE username = 'procurator'");
  });

  it('rotates refresh tokens and revokes the whole sign-in when a spent one comes back', async () => {
    const first = (await login('operator', demo('operator').password)).data!.login;
    const second = (await gql<{ refresh: Session }>(gw.url, REFRESH, { t: first.refreshToken })).data!.refresh;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.user.username).toBe('operator');
    expect((await gql(gw.url, ME, {}, second.accessToken)).data).toMatchObject({ me: { username: 'operator' } });

    const replay = await gql(gw.url, REFRESH, { t: first.refreshToken });
    expect(replay.errors?.[0]).toMatchObject({ message: AuthMessages.refreshInvalid, extensions: { code: 'UNAUTHENTICATED' } });
    // The thief replayed the old token: the newest one, held by the owner, is revoked too.
    expect(codeOf(await gql(gw.url, REFRESH, { t: second.refreshToken }))).toBe('UNAUTHENTICATED');
    const { rows } = await pg.query(
      'SELECT count(*)::int AS tokens, count(revoked_at)::int AS revoked FROM gateway.refresh_token WHERE family_id = (SELECT family_id FROM gateway.refresh_token WHERE token_hash = $1)',
      [hashRefreshToken(first.refreshToken)],
    );
    expect(rows[0]).toEqual({ tokens: 2, revoked: 2 });
    const audit = await pg.query("SELECT action FROM gateway.audit_log WHERE action = 'auth.refresh_reused'");
    expect(audit.rowCount).toBeGreaterThan(0);
  });

  it('logs out: the refresh token is revoked; an unknown one answers false', async () => {
    const s = (await login('leader', demo('leader').password)).data!.login;
    expect((await gql(gw.url, LOGOUT, { t: s.refreshToken })).data).toEqual({ logout: true });
    expect(codeOf(await gql(gw.url, REFRESH, { t: s.refreshToken }))).toBe('UNAUTHENTICATED');
    expect((await gql(gw.url, LOGOUT, { t: 'never-issued' })).data).toEqual({ logout: false });
  });

  it('`me` needs a valid token', async () => {
    const none = await gql(gw.url, ME);
    expect(none.errors?.[0]).toMatchObject({ message: AuthMessages.signInFirst, extensions: { code: 'UNAUTHENTICATED' } });
    const forged = await gql(gw.url, ME, {}, 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl');
    expect(forged.errors?.[0]).toMatchObject({ message: AuthMessages.tokenInvalid, extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('gives an API client a token with its scopes for its credentials, and nothing for a wrong secret', async () => {
    const issued = await gql<{ clientToken: { accessToken: string; tokenType: string; expiresIn: number; scopes: string[] } }>(gw.url, CLIENT_TOKEN, { id: DEMO_API_CLIENT.clientId, secret: DEMO_API_CLIENT.secret });
    expect(issued.data?.clientToken).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, scopes: DEMO_API_CLIENT.scopes });
    const me = await gql<{ me: Record<string, unknown> }>(gw.url, ME, {}, issued.data!.clientToken.accessToken);
    expect(me.data?.me).toMatchObject({ kind: 'API_CLIENT', role: 'API_CLIENT', username: DEMO_API_CLIENT.clientId, orgCode: null, scopes: DEMO_API_CLIENT.scopes });
    const wrong = await gql(gw.url, CLIENT_TOKEN, { id: DEMO_API_CLIENT.clientId, secret: 'wrong-secret' });
    expect(wrong.errors?.[0]).toMatchObject({ message: AuthMessages.badClientCredentials, extensions: { code: 'UNAUTHENTICATED' } });
  });

  it(`throttles after ${FAILURES_PER_NAME_AND_ADDRESS} failures for one user name from one address, even the right password, for 15 minutes`, async () => {
    for (let i = 0; i < FAILURES_PER_NAME_AND_ADDRESS; i++) expect(codeOf(await login('supervisor', `guess-${i}`))).toBe('UNAUTHENTICATED');
    const blocked = await login('supervisor', demo('supervisor').password);
    expect(blocked.errors?.[0]).toMatchObject({ extensions: { code: 'TOO_MANY_REQUESTS' } });
    // Other accounts from the same address are not blocked.
    expect((await login('mediator', demo('mediator').password)).data?.login.user.username).toBe('mediator');
    // Once the failures are older than the window, the user may try again.
    await pg.query("UPDATE gateway.rate_limit_hit SET at = at - interval '16 minutes' WHERE limit_key LIKE 'login:supervisor|%'");
    expect((await login('supervisor', demo('supervisor').password)).data?.login.user.username).toBe('supervisor');
  });

  it('requires a signed-in staff role for the grievance query', async () => {
    const anonymous = await gql(gw.url, GRIEVANCE, { code: 'YKB-2024-000001' });
    expect(anonymous).toMatchObject({ data: { grievance: null }, errors: [{ message: AuthMessages.signInFirst, path: ['grievance'], extensions: { code: 'UNAUTHENTICATED' } }] });
    const client = (await gql<{ clientToken: { accessToken: string } }>(gw.url, CLIENT_TOKEN, { id: DEMO_API_CLIENT.clientId, secret: DEMO_API_CLIENT.secret })).data!.clientToken;
    expect(codeOf(await gql(gw.url, GRIEVANCE, { code: 'YKB-2024-000001' }, client.accessToken))).toBe('FORBIDDEN');
  });

  it('audits sign-ins with the request correlation id', async () => {
    const res = await fetch(`${gw.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-correlation-id': 'audit-check-0001' },
      body: JSON.stringify({ query: LOGIN, variables: { username: 'court', password: demo('court').password } }),
    });
    expect(res.status).toBe(200);
    const { rows } = await pg.query("SELECT actor_role, action, correlation_id FROM gateway.audit_log WHERE correlation_id = 'audit-check-0001'");
    expect(rows).toEqual([{ actor_role: 'court', action: 'auth.login', correlation_id: 'audit-check-0001' }]);
  });

  it('is ready only with its database and NATS, and health needs no token', async () => {
    await fetch(`${gw.url}/health/live`).then((r) => expect(r.status).toBe(200));
    const ready = await fetch(`${gw.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok', info: { nats: { status: 'up' }, database: { status: 'up' } } });
  });

  it('seeding again creates nothing and keeps a changed password', async () => {
    const before = await pg.query('SELECT username, password_hash FROM gateway.staff_user ORDER BY username');
    const again = await startGatewayInProcess({ DATABASE_URL: db.url, NATS_URL: TEST_NATS_URL, YKB_NAMESPACE: namespace });
    await again.close();
    const after = await pg.query('SELECT username, password_hash FROM gateway.staff_user ORDER BY username');
    expect(after.rows).toEqual(before.rows);
    expect((await pg.query('SELECT count(*)::int AS n FROM gateway.api_client')).rows[0].n).toBe(1);
  });

  describe('in production', () => {
    let prod: InProcessGateway;
    beforeAll(async () => {
      await pg.query(
        `INSERT INTO gateway.staff_user (id, username, display_name, password_hash, role, org_code, region_code)
         VALUES (gen_random_uuid(), 'realclerk', '真实接访员', $1, 'reception_clerk', 'dept_petition', '330621')`,
        [await hashSecret('a-password-nobody-published')],
      );
      prod = await startGatewayInProcess(
        { NODE_ENV: 'production', GATEWAY_JWT_SECRET: 'a-production-secret-of-at-least-32-characters', DATABASE_URL: db.url, NATS_URL: TEST_NATS_URL, YKB_NAMESPACE: namespace },
        { seed: false },
      );
    });
    afterAll(() => prod?.close());

    it('refuses the published demo passwords and the demo client secret, but not real ones', async () => {
      const demoLogin = await gql(prod.url, LOGIN, { username: 'clerk', password: demo('clerk').password });
      expect(demoLogin.errors?.[0]).toMatchObject({ message: AuthMessages.demoRefused, extensions: { code: 'UNAUTHENTICATED' } });
      const demoClient = await gql(prod.url, CLIENT_TOKEN, { id: DEMO_API_CLIENT.clientId, secret: DEMO_API_CLIENT.secret });
      expect(demoClient.errors?.[0]).toMatchObject({ message: AuthMessages.demoRefused, extensions: { code: 'UNAUTHENTICATED' } });
      const token = await signIn(prod.url, 'realclerk', 'a-password-nobody-published');
      expect((await gql(prod.url, ME, {}, token)).data).toMatchObject({ me: { username: 'realclerk', role: 'RECEPTION_CLERK' } });
    });

    it('does not accept a token signed with the development secret', async () => {
      const devToken = await signIn(gw.url, 'unit', demo('unit').password);
      expect(codeOf(await gql(prod.url, ME, {}, devToken))).toBe('UNAUTHENTICATED');
    });
  });
});
