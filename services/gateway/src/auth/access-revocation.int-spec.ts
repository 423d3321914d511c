import 'reflect-metadata';
import { Client as PgClient } from 'pg';
import { RoutingSuggestCategories } from '@yikouban/contracts';
import { waitFor } from '@yikouban/testing';
import { startGatewayWithFakes, type GatewayWithFakes } from '../testing/gateway-with-fakes';
import { apiClientToken, DISABLE_USER, LOGOUT, REFRESH, RESET_PASSWORD, REVOKE_API_CLIENT, UPDATE_USER } from './testing/account-admin';
import { AuthMessages } from './auth.errors';
import { FAILURES_PER_NAME_AND_ADDRESS } from './login-throttle.service';
import { gql, LOGIN } from './testing/in-process-gateway';
import { TokenService } from './token.service';

const ME = `{ me { id username kind } }`;
// Answered without re-reading the caller's account (unlike `me`): only the guard stands between a revoked token and it.
const SUGGEST = `{ suggestCategories(text: "拖欠工资") { categoryCode } }`;
const codeOf = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.code;
const REFUSED = { message: AuthMessages.tokenInvalid, extensions: { code: 'UNAUTHENTICATED' } };

/**
 * An access token stops working the moment its holder loses the right to it — not when it
 * expires: a disabled user, an ended sign-in (logout, password reset), a revoked API client,
 * a user given another role, organisation or region (the token's claims are stale).
 */
describe('access tokens taken back at once (in process, real PostgreSQL and NATS)', () => {
  let fakes: GatewayWithFakes;
  let admin: string;

  beforeAll(async () => {
    fakes = await startGatewayWithFakes({ name: 'gateway_revoke', responders: (respond) => respond(RoutingSuggestCategories, () => ({ response: [] })) });
    admin = await fakes.signIn('admin');
  });

  afterAll(async () => {
    await fakes?.close();
  });

  const login = (username: string, pw?: string) => fakes.login(username, pw);
  const me = (token: string) => gql<{ me: { username: string } }>(fakes.url, ME, {}, token);
  const suggest = (token: string) => gql<{ suggestCategories: unknown[] }>(fakes.url, SUGGEST, {}, token);

  /** Opens a graphql-ws connection with the token and asks `me`: the answer, or the close code if refused. */
  async function overSocket(token: string): Promise<{ username?: string; closeCode?: number }> {
    const socket = fakes.socket(token);
    const outcome: { username?: string; closeCode?: number; done?: boolean } = {};
    socket.subscribe<{ me: { username: string } }>(
      { query: ME },
      {
        next: (a) => (outcome.username = a.data?.me.username),
        error: (e) => ((outcome.closeCode = (e as { code?: number }).code), (outcome.done = true)),
        complete: () => (outcome.done = true),
      },
    );
    await waitFor('the socket to answer', () => outcome.done);
    return { username: outcome.username, closeCode: outcome.closeCode };
  }

  it('refuses the old access token on the very next request once an administrator changes the role; a refresh carries the new one', async () => {
    const operator = await login('operator');
    const roleIn = (token: string) => fakes.gateway.app.get(TokenService).verify(token).role;
    expect(roleIn(operator.accessToken)).toBe('command_operator');
    expect(await suggest(operator.accessToken)).toEqual({ data: { suggestCategories: [] } });

    expect((await gql(fakes.url, UPDATE_USER, { id: operator.user.id, input: { role: 'LEADER' } }, admin)).data).toEqual({ updateUser: { role: 'LEADER' } });

    expect((await suggest(operator.accessToken)).errors).toEqual([expect.objectContaining(REFUSED)]);
    const refreshed = (await gql<{ refresh: { accessToken: string; refreshToken: string } }>(fakes.url, REFRESH, { t: operator.refreshToken })).data!.refresh;
    expect(roleIn(refreshed.accessToken)).toBe('leader');
    // Judged as a leader now: signed in, but without the operator's powers.
    expect(codeOf(await suggest(refreshed.accessToken))).toBe('FORBIDDEN');
    expect((await me(refreshed.accessToken)).data?.me.username).toBe('operator');
    expect((await suggest(operator.accessToken)).errors).toEqual([expect.objectContaining(REFUSED)]);

    // Back to an operator (the tests below sign in as one): the leader token is stale in turn.
    await gql(fakes.url, UPDATE_USER, { id: operator.user.id, input: { role: 'COMMAND_OPERATOR' } }, admin);
    expect((await me(refreshed.accessToken)).errors).toEqual([expect.objectContaining(REFUSED)]);
  });

  it('refuses a disabled user’s access token on the very next request, and on a new live connection', async () => {
    const operator = await login('operator');
    expect(await suggest(operator.accessToken)).toEqual({ data: { suggestCategories: [] } });
    expect(await overSocket(operator.accessToken)).toEqual({ username: 'operator' });

    const disabled = await gql<{ disableUser: { active: boolean } }>(fakes.url, DISABLE_USER, { id: operator.user.id }, admin);
    expect(disabled.data?.disableUser.active).toBe(false);

    expect((await suggest(operator.accessToken)).errors).toEqual([expect.objectContaining(REFUSED)]);
    expect(await overSocket(operator.accessToken)).toEqual({ closeCode: 4403 });
  });

  it('refuses a revoked API client’s access token on the very next request', async () => {
    const token = await apiClientToken(fakes.url, admin, 'grid-platform');
    expect(await suggest(token)).toEqual({ data: { suggestCategories: [] } });

    expect((await gql(fakes.url, REVOKE_API_CLIENT, { clientId: 'grid-platform' }, admin)).data).toEqual({ revokeApiClient: { active: false } });

    expect((await suggest(token)).errors).toEqual([expect.objectContaining(REFUSED)]);
  });

  it('logging out ends that sign-in’s access token too, and leaves the user’s other sign-ins alone', async () => {
    const laptop = await login('leader');
    const phone = await login('leader');
    expect((await gql(fakes.url, LOGOUT, { t: laptop.refreshToken })).data).toEqual({ logout: true });
    expect((await me(laptop.accessToken)).errors).toEqual([expect.objectContaining(REFUSED)]);
    expect((await me(phone.accessToken)).data?.me.username).toBe('leader');
  });

  it('keeps a refreshed sign-in’s new token working, and ends every sign-in of a user whose password is reset', async () => {
    const first = await login('court');
    const refreshed = (await gql<{ refresh: { accessToken: string } }>(fakes.url, REFRESH, { t: first.refreshToken })).data!.refresh;
    expect((await me(refreshed.accessToken)).data?.me.username).toBe('court');
    // The pre-refresh token belongs to the same, still live, sign-in: it runs until it expires.
    expect((await me(first.accessToken)).data?.me.username).toBe('court');
    const other = await login('court');

    expect(codeOf(await gql(fakes.url, RESET_PASSWORD, { id: first.user.id, p: 'Autumn-ledger-2026-xq' }, admin))).toBeUndefined();
    for (const token of [first.accessToken, refreshed.accessToken, other.accessToken]) expect((await me(token)).errors).toEqual([expect.objectContaining(REFUSED)]);
    expect((await me((await login('court', 'Autumn-ledger-2026-xq')).accessToken)).data?.me.username).toBe('court');
  });

  it('ends the whole sign-in, access token included, when a spent refresh token is replayed', async () => {
    const s = await login('unit');
    const next = (await gql<{ refresh: { accessToken: string } }>(fakes.url, REFRESH, { t: s.refreshToken })).data!.refresh;
    expect(codeOf(await gql(fakes.url, REFRESH, { t: s.refreshToken }))).toBe('UNAUTHENTICATED');
    expect((await me(next.accessToken)).errors).toEqual([expect.objectContaining(REFUSED)]);
  });

  it(`lets exactly ${FAILURES_PER_NAME_AND_ADDRESS} of a burst of racing wrong passwords be checked; the rest are throttled`, async () => {
    const burst = await Promise.all(Array.from({ length: FAILURES_PER_NAME_AND_ADDRESS + 4 }, (_, i) => gql(fakes.url, LOGIN, { username: 'mediator', password: `guess-number-${i}` })));
    const codes = burst.map(codeOf);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(FAILURES_PER_NAME_AND_ADDRESS);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(4);
    const pg = new PgClient({ connectionString: fakes.db.url });
    await pg.connect();
    try {
      const { rows } = await pg.query("SELECT count(*)::int AS n FROM gateway.rate_limit_hit WHERE limit_key LIKE 'login:mediator|%'");
      expect(rows[0].n).toBe(FAILURES_PER_NAME_AND_ADDRESS);
    } finally {
      await pg.end();
    }
  });
});
