import { Client } from 'pg';
import { RoutingListOrganisations, RoutingRegionTree } from '@yikouban/contracts';
import { gql, LOGIN, signIn, type InProcessGateway } from '../auth/testing/in-process-gateway';
import { DEMO_USERS } from '../identity/demo-identities';
import { startGatewayWithFakes, type GatewayWithFakes } from '../testing/gateway-with-fakes';

const ORGS = new Set(['dept_housing', 'town_330621101']);
const REGIONS = new Set(['330621', '330621101']);
const PASSWORD = 'Spring-harvest-2026-qc';

const CREATE = `mutation ($input: CreateUserInput!) { createUser(input: $input) { id username displayName role orgCode regionCode active } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id role orgCode regionCode displayName } }`;
const DISABLE = `mutation ($id: ID!) { disableUser(id: $id) { id active } }`;
const ENABLE = `mutation ($id: ID!) { enableUser(id: $id) { id active } }`;
const RESET = `mutation ($id: ID!, $p: String!) { resetUserPassword(id: $id, newPassword: $p) { id } }`;
const USERS = `query ($first: Int, $after: String, $filter: UserFilterInput) { users(first: $first, after: $after, filter: $filter) {
  edges { cursor node { username role active } } pageInfo { hasNextPage endCursor } } }`;
const REFRESH = `mutation ($t: String!) { refresh(refreshToken: $t) { accessToken } }`;
const CLIENT_TOKEN = `mutation ($id: String!, $secret: String!) { clientToken(clientId: $id, clientSecret: $secret) { scopes } }`;

const newUser = (over: Record<string, unknown> = {}) => ({
  username: 'li.na', displayName: '住建局 李娜', role: 'UNIT_STAFF', orgCode: 'dept_housing', regionCode: '330621', initialPassword: PASSWORD, ...over,
});
const codeOf = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.code;
const fieldsOf = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.fields;

describe('user and API client administration through the gateway (in process, real PostgreSQL and NATS, fake routing directory)', () => {
  let fakes: GatewayWithFakes;
  let pg: Client;
  let gateway: InProcessGateway;
  let adminToken: string;
  const as = <T>(token: string, query: string, variables: Record<string, unknown> = {}) => gql<T>(gateway.url, query, variables, token);
  const login = (username: string, password: string) => gql<{ login: { accessToken: string; refreshToken: string } }>(gateway.url, LOGIN, { username, password });

  beforeAll(async () => {
    fakes = await startGatewayWithFakes({
      name: 'gateway_admin',
      responders: (respond) => {
        respond(RoutingListOrganisations, ({ codes }) => ({ response: (codes ?? []).filter((c) => ORGS.has(c)).map((code) => ({ code, name: code, nameEn: code, kind: 'department', regionCode: '330621', departmentType: null, active: true })) }));
        respond(RoutingRegionTree, ({ rootCode }) =>
          rootCode && REGIONS.has(rootCode)
            ? { response: [{ code: rootCode, name: rootCode, level: 'county', parentCode: null, childCount: 0, children: [] }] }
            : { err: { code: 'NOT_FOUND', message: `not_found: 区划 ${rootCode} 不存在`, fields: [{ field: 'rootCode', problems: ['not_found'] }] } },
        );
      },
    });
    gateway = fakes.gateway;
    pg = new Client({ connectionString: fakes.db.url });
    await pg.connect();
    adminToken = await fakes.signIn('admin');
  });

  afterAll(async () => {
    await pg?.end();
    await fakes?.close();
  });

  const auditOf = async (subject: string) => (await pg.query<{ action: string; actor_role: string }>('SELECT action, actor_role FROM gateway.audit_log WHERE subject = $1 ORDER BY id', [subject])).rows;

  it('creates an account that signs in; disabling it refuses sign-in and ends its sessions; enabling lets it back', async () => {
    const created = await as<{ createUser: { id: string; role: string; active: boolean } }>(adminToken, CREATE, { input: newUser({ username: '  Li.Na ' }) });
    expect(created.errors).toBeUndefined();
    const user = created.data!.createUser;
    expect(user).toMatchObject({ username: 'li.na', role: 'UNIT_STAFF', orgCode: 'dept_housing', regionCode: '330621', active: true });
    const { rows } = await pg.query<{ password_hash: string }>('SELECT password_hash FROM gateway.staff_user WHERE id = $1', [user.id]);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);

    const session = await login('li.na', PASSWORD);
    expect(session.errors).toBeUndefined();

    expect((await as<{ disableUser: { active: boolean } }>(adminToken, DISABLE, { id: user.id })).data?.disableUser.active).toBe(false);
    expect(codeOf(await login('li.na', PASSWORD))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(gateway.url, REFRESH, { t: session.data!.login.refreshToken }))).toBe('UNAUTHENTICATED');
    const live = await pg.query('SELECT 1 FROM gateway.refresh_token WHERE user_id = $1 AND revoked_at IS NULL', [user.id]);
    expect(live.rows).toEqual([]);

    await as(adminToken, ENABLE, { id: user.id });
    expect((await login('li.na', PASSWORD)).errors).toBeUndefined();
    expect((await auditOf(user.id)).filter((r) => r.action.startsWith('admin.'))).toEqual([
      { action: 'admin.user_created', actor_role: 'administrator' },
      { action: 'admin.user_disabled', actor_role: 'administrator' },
      { action: 'admin.user_enabled', actor_role: 'administrator' },
    ]);
  });

  it('refuses a taken name (CONFLICT), a weak password, a non-staff role and an unknown organisation or region (BAD_USER_INPUT), writing nothing', async () => {
    const taken = await as(adminToken, CREATE, { input: newUser({ username: 'clerk' }) });
    expect(codeOf(taken)).toBe('CONFLICT');
    expect(fieldsOf(taken)).toEqual([{ field: 'username', problems: ['taken'] }]);
    const weak = await as(adminToken, CREATE, { input: newUser({ username: 'weak.one', initialPassword: 'short' }) });
    expect(codeOf(weak)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(weak)).toEqual([{ field: 'initialPassword', problems: ['too_short', 'needs_a_digit'] }]);
    expect(fieldsOf(await as(adminToken, CREATE, { input: newUser({ username: 'citizen.one', role: 'CITIZEN' }) }))).toEqual([{ field: 'role', problems: ['not_a_staff_role'] }]);
    expect(codeOf(await as(adminToken, CREATE, { input: newUser({ username: 'bad.role', role: 'WIZARD' }) }))).toBe('BAD_USER_INPUT');
    expect(fieldsOf(await as(adminToken, CREATE, { input: newUser({ username: 'no.org', orgCode: 'dept_nowhere' }) }))).toEqual([{ field: 'orgCode', problems: ['unknown_organisation'] }]);
    expect(fieldsOf(await as(adminToken, CREATE, { input: newUser({ username: 'no.region', regionCode: '330699' }) }))).toEqual([{ field: 'regionCode', problems: ['unknown_region'] }]);
    expect(fieldsOf(await as(adminToken, CREATE, { input: newUser({ username: 'Bad Name!' }) }))).toEqual([{ field: 'username', problems: ['bad_format'] }]);
    const { rows } = await pg.query("SELECT username FROM gateway.staff_user WHERE username IN ('weak.one', 'citizen.one', 'bad.role', 'no.org', 'no.region')");
    expect(rows).toEqual([]);
  });

  it('changes role and place, resets a password (old one refused, sessions ended), and lists accounts a page at a time', async () => {
    const { data } = await as<{ createUser: { id: string } }>(adminToken, CREATE, { input: newUser({ username: 'zhou.tao2' }) });
    const id = data!.createUser.id;
    const updated = await as<{ updateUser: unknown }>(adminToken, UPDATE, { id, input: { role: 'LEADER', orgCode: 'town_330621101', regionCode: '330621101' } });
    expect(updated.data?.updateUser).toEqual({ id, role: 'LEADER', orgCode: 'town_330621101', regionCode: '330621101', displayName: '住建局 李娜' });
    expect(codeOf(await as(adminToken, UPDATE, { id, input: {} }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await as(adminToken, UPDATE, { id: '00000000-0000-4000-8000-000000000000', input: { displayName: '无' } }))).toBe('NOT_FOUND');

    const session = await login('zhou.tao2', PASSWORD);
    expect(fieldsOf(await as(adminToken, RESET, { id, p: 'yikouban-demo-12345-platform' }))).toEqual([{ field: 'newPassword', problems: ['published_demo_password'] }]);
    await as(adminToken, RESET, { id, p: 'Autumn-leaves-2027-qc' });
    expect(codeOf(await login('zhou.tao2', PASSWORD))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(gateway.url, REFRESH, { t: session.data!.login.refreshToken }))).toBe('UNAUTHENTICATED');
    expect((await login('zhou.tao2', 'Autumn-leaves-2027-qc')).errors).toBeUndefined();

    type Page = { users: { edges: { node: { username: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const first = await as<Page>(adminToken, USERS, { first: 5 });
    const second = await as<Page>(adminToken, USERS, { first: 100, after: first.data!.users.pageInfo.endCursor });
    const names = [...first.data!.users.edges, ...second.data!.users.edges].map((e) => e.node.username);
    expect(first.data!.users.pageInfo.hasNextPage).toBe(true);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(['admin', 'clerk', 'li.na', 'zhou.tao2']));
    const leaders = await as<Page>(adminToken, USERS, { filter: { role: 'LEADER', regionCode: '330621101' } });
    expect(leaders.data!.users.edges.map((e) => e.node.username)).toEqual(['leader', 'zhou.tao2']);
  });

  it('will not let an administrator disable themselves, nor anyone else administer accounts', async () => {
    const me = await as<{ me: { id: string } }>(adminToken, '{ me { id } }');
    expect(codeOf(await as(adminToken, DISABLE, { id: me.data!.me.id }))).toBe('CONFLICT');
    const operator = await signIn(gateway.url, 'operator', DEMO_USERS.find((u) => u.username === 'operator')!.password);
    expect(codeOf(await as(operator, USERS))).toBe('FORBIDDEN');
    expect(codeOf(await as(operator, CREATE, { input: newUser({ username: 'sneaky' }) }))).toBe('FORBIDDEN');
  });

  it('creates an API client whose secret is shown once and works; revoking it refuses the next token', async () => {
    const created = await as<{ createApiClient: { client: { clientId: string; scopes: string[]; active: boolean }; secret: string } }>(
      adminToken,
      'mutation { createApiClient(input: { clientId: "grid-platform", name: "网格化管理平台 / grid platform", scopes: ["grievance:write"] }) { client { clientId scopes active } secret } }',
    );
    expect(created.errors).toBeUndefined();
    const { client, secret } = created.data!.createApiClient;
    expect(client).toEqual({ clientId: 'grid-platform', scopes: ['grievance:write'], active: true });
    expect(secret.length).toBeGreaterThanOrEqual(40);
    expect((await gql(gateway.url, CLIENT_TOKEN, { id: 'grid-platform', secret })).data).toEqual({ clientToken: { scopes: ['grievance:write'] } });
    const { rows } = await pg.query<{ secret_hash: string }>("SELECT secret_hash FROM gateway.api_client WHERE client_id = 'grid-platform'");
    expect(rows[0].secret_hash).toMatch(/^\$argon2id\$/);

    const listed = await as<{ apiClients: { clientId: string }[] }>(adminToken, '{ apiClients { clientId active } }');
    expect(listed.data!.apiClients.map((c) => c.clientId)).toEqual(['demo-12345-platform', 'grid-platform']);
    expect(codeOf(await as(adminToken, 'mutation { createApiClient(input: { clientId: "grid-platform", name: "again", scopes: ["grievance:read"] }) { secret } }'))).toBe('CONFLICT');
    expect(fieldsOf(await as(adminToken, 'mutation { createApiClient(input: { name: "x", scopes: ["admin:all"] }) { secret } }'))).toEqual([{ field: 'scopes', problems: ['unknown_scope'] }]);

    await as(adminToken, 'mutation { revokeApiClient(clientId: "grid-platform") { active } }');
    expect(codeOf(await gql(gateway.url, CLIENT_TOKEN, { id: 'grid-platform', secret }))).toBe('UNAUTHENTICATED');
    expect((await auditOf('grid-platform')).map((r) => r.action)).toEqual(expect.arrayContaining(['admin.api_client_created', 'admin.api_client_revoked']));
  });
});
