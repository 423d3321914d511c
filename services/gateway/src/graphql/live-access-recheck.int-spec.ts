import 'reflect-metadata';
import { jetstreamManager } from '@nats-io/jetstream';
import type { Client } from 'graphql-ws';
import { GrievanceReceived } from '@yikouban/contracts';
import { ensureStream } from '@yikouban/messaging';
import { waitFor } from '@yikouban/testing';
import { ACCESS_REVOCATIONS, type AccessRevocations, type TokenHolder } from '../auth/access-revocations';
import { apiClientToken, DISABLE_USER, LOGOUT, REVOKE_API_CLIENT, UPDATE_USER } from '../auth/testing/account-admin';
import { gql } from '../auth/testing/in-process-gateway';
import { TokenService } from '../auth/token.service';
import { LiveFeeds } from '../live/live-feeds';
import { receivedFact } from '../testing/facts';
import { startGatewayWithFakes, type GatewayWithFakes } from '../testing/gateway-with-fakes';
import { ACCESS_REVOKED_CLOSE } from './connection-expiry';
import { LiveAccessRecheck } from './live-access-recheck';

const GRIEVANCES = `subscription { grievanceReceived { trackingCode } }`;
/** One subscription's trackings as they arrive, and how its connection ended. */
class Watch {
  readonly seen: string[] = [];
  closeCode?: number;
  closeReason?: string;

  constructor(client: Client) {
    client.subscribe<{ grievanceReceived: { trackingCode: string } }>(
      { query: GRIEVANCES },
      {
        next: (a) => a.data && this.seen.push(a.data.grievanceReceived.trackingCode),
        error: (e) => {
          this.closeCode = (e as { code?: number }).code;
          this.closeReason = (e as { reason?: string }).reason;
        },
        complete: () => undefined,
      },
    );
  }
}

/**
 * An open socket is re-checked while it streams (GATEWAY_LIVE_ACCESS_CHECK_S, one second here):
 * disabling its user, ending its sign-in or changing its role closes it (4403, access revoked)
 * long before its access token would expire — and leaves everyone else's sockets streaming.
 */
describe('open live connections re-checked (in-process gateway, real PostgreSQL and NATS)', () => {
  let fakes: GatewayWithFakes;
  let feeds: LiveFeeds;
  let recheck: LiveAccessRecheck;
  let admin: string;

  beforeAll(async () => {
    fakes = await startGatewayWithFakes({ name: 'gateway_live_recheck', env: { GATEWAY_LIVE_ACCESS_CHECK_S: '1' } });
    feeds = fakes.gateway.app.get(LiveFeeds);
    recheck = fakes.gateway.app.get(LiveAccessRecheck);
    const jsm = await jetstreamManager(fakes.nats.nc);
    await ensureStream(jsm, fakes.ns.stream('intake'), [fakes.ns.subject('intake.>')]);
    admin = await fakes.signIn('admin');
  });

  afterAll(async () => {
    await fakes?.close();
  });

  const login = (username: string) => fakes.login(username);

  /** Opens one subscription per token and waits until the gateway streams to all of them. */
  async function watching(...tokens: string[]): Promise<Watch[]> {
    const before = feeds.grievances.subscribers;
    const watches = tokens.map((t) => new Watch(fakes.socket(t)));
    await waitFor('the subscriptions', () => feeds.grievances.subscribers === before + tokens.length);
    return watches;
  }

  async function publishGrievance(): Promise<string> {
    const fact = receivedFact();
    await fakes.publishFact(GrievanceReceived, fact);
    return fact.trackingCode;
  }

  it('closes a disabled user’s open subscription (4403, access revoked) and keeps streaming to the others', async () => {
    const operator = await login('operator');
    const leader = await login('leader');
    const [disabled, kept] = await watching(operator.accessToken, leader.accessToken);

    const res = await gql<{ disableUser: { active: boolean } }>(fakes.url, DISABLE_USER, { id: operator.user.id }, admin);
    expect(res.data?.disableUser.active).toBe(false);

    await waitFor('the disabled user’s socket to close', () => disabled.closeCode);
    expect({ code: disabled.closeCode, reason: disabled.closeReason }).toEqual(ACCESS_REVOKED_CLOSE);
    // Two more checks of the open sockets, and the leader's is still there and still fed.
    const checked = recheck.completed;
    await waitFor('two more checks', () => recheck.completed >= checked + 2);
    expect(kept.closeCode).toBeUndefined();
    const tracking = await publishGrievance();
    await waitFor('the grievance on the leader’s board', () => kept.seen.includes(tracking));
    expect(disabled.seen).not.toContain(tracking);
  });

  it('closes the socket of a sign-in that logged out, and of a user given another role, but not the user’s other sign-in', async () => {
    const laptop = await login('supervisor');
    const phone = await login('supervisor');
    const clerk = await login('clerk');
    const [loggedOut, stillSignedIn, moved] = await watching(laptop.accessToken, phone.accessToken, clerk.accessToken);

    expect((await gql(fakes.url, LOGOUT, { t: laptop.refreshToken })).data).toEqual({ logout: true });
    expect((await gql(fakes.url, UPDATE_USER, { id: clerk.user.id, input: { role: 'LEADER' } }, admin)).data).toEqual({ updateUser: { role: 'LEADER' } });

    await waitFor('both sockets to close', () => loggedOut.closeCode && moved.closeCode);
    for (const w of [loggedOut, moved]) expect({ code: w.closeCode, reason: w.closeReason }).toEqual(ACCESS_REVOKED_CLOSE);
    const checked = recheck.completed;
    await waitFor('two more checks', () => recheck.completed >= checked + 2);
    expect(stillSignedIn.closeCode).toBeUndefined();
  });

  it('answers for many holders in one question as it answers for each alone: staff and API clients, good, stale and revoked', async () => {
    const revocations = fakes.gateway.app.get<symbol, AccessRevocations>(ACCESS_REVOCATIONS);
    const holderOf = (token: string): TokenHolder => {
      const { principal, sessionId } = fakes.gateway.app.get(TokenService).verifyWithExpiry(token);
      return principal.kind === 'staff' ? { kind: 'staff', id: principal.id, sessionId: sessionId!, role: principal.role, orgCode: principal.orgCode, regionCode: principal.regionCode } : { kind: 'api_client', id: principal.id };
    };
    const clientToken = await apiClientToken(fakes.url, admin, 'grid-recheck');
    const court = holderOf((await login('court')).accessToken);
    const mediator = holderOf((await login('mediator')).accessToken);
    const client = holderOf(clientToken);
    const stale = { ...court, role: 'leader' } as TokenHolder;
    const nobody: TokenHolder = { kind: 'api_client', id: 'not-a-uuid' };

    const holders = [court, client, stale, nobody, mediator];
    const alone = async () => Promise.all(holders.map((h) => revocations.isRevoked(h)));
    expect(await revocations.revokedAmong(holders)).toEqual([false, false, true, true, false]);
    expect(await alone()).toEqual([false, false, true, true, false]);

    expect((await gql(fakes.url, REVOKE_API_CLIENT, { clientId: 'grid-recheck' }, admin)).data).toEqual({ revokeApiClient: { active: false } });
    expect(await revocations.revokedAmong(holders)).toEqual([false, true, true, true, false]);
    expect(await alone()).toEqual([false, true, true, true, false]);
    expect(await revocations.revokedAmong([])).toEqual([]);
  });
});
