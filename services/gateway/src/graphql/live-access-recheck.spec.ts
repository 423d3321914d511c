import type { Context } from 'graphql-ws';
import type { TokenHolder } from '../auth/access-revocations';
import { InMemoryAccessRevocations, TEST_SESSION_ID, testConnectionAuthenticator, TestTokenService } from '../auth/testing/test-access';
import { ACCESS_REVOKED_CLOSE, TOKEN_EXPIRED_CLOSE } from './connection-expiry';
import { LiveAccessRecheck, type Ticker } from './live-access-recheck';
import { liveTransportOptions } from './live-transport';
import { DEFAULT_QUERY_LIMITS } from './query-limits';

/** A ticker that only remembers: the test ticks, so no clock is involved. */
class ManualTicker {
  readonly started: { ms: number; tick: () => void; stopped: boolean }[] = [];
  readonly ticker: Ticker = (ms, tick) => {
    const entry = { ms, tick, stopped: false };
    this.started.push(entry);
    return () => (entry.stopped = true);
  };
  get running() {
    return this.started.filter((t) => !t.stopped);
  }
}

class FakeSocket {
  readonly closes: [number, string][] = [];
  close(code: number, reason: string): void {
    this.closes.push([code, reason]);
  }
}

const staff = (id: string, sessionId = `${id}-session`): TokenHolder => ({ kind: 'staff', id, sessionId, role: 'command_operator', regionCode: '330621' });
const client = (id: string): TokenHolder => ({ kind: 'api_client', id });

function setup(check?: (holders: readonly TokenHolder[]) => Promise<boolean[]>) {
  const ticker = new ManualTicker();
  const revocations = new InMemoryAccessRevocations();
  const errors: unknown[] = [];
  const recheck = new LiveAccessRecheck({ check: check ?? ((h) => revocations.revokedAmong(h)), intervalMs: 30_000, onError: (e) => errors.push(e), ticker: ticker.ticker });
  return { ticker, revocations, errors, recheck };
}

describe('LiveAccessRecheck', () => {
  it('closes, on the next check, exactly the sockets whose holder was taken back (4403 "access revoked")', async () => {
    const { recheck, revocations } = setup();
    const [a, b, c] = [new FakeSocket(), new FakeSocket(), new FakeSocket()];
    recheck.watch({}, a, staff('u-operator'));
    recheck.watch({}, b, staff('u-leader'));
    recheck.watch({}, c, client('c-grid'));
    await recheck.check();
    expect([a, b, c].map((s) => s.closes)).toEqual([[], [], []]);

    revocations.revoke('u-operator');
    revocations.revoke('c-grid');
    await recheck.check();
    expect(a.closes).toEqual([[4403, ACCESS_REVOKED_CLOSE.reason]]);
    expect(c.closes).toEqual([[4403, ACCESS_REVOKED_CLOSE.reason]]);
    expect(b.closes).toEqual([]);
    expect(ACCESS_REVOKED_CLOSE.code).toBe(TOKEN_EXPIRED_CLOSE.code);
    expect(recheck.connections).toBe(1);

    // Closed once: a later check no longer asks about them.
    await recheck.check();
    expect(a.closes).toHaveLength(1);
  });

  it('asks once per check for all open connections, each holder once however many sockets it has', async () => {
    const { recheck, revocations } = setup();
    recheck.watch({}, new FakeSocket(), staff('u-operator'));
    recheck.watch({}, new FakeSocket(), staff('u-operator'));
    recheck.watch({}, new FakeSocket(), staff('u-operator', 'another-sign-in'));
    recheck.watch({}, new FakeSocket(), client('c-grid'));
    await recheck.check();
    expect(revocations.batches).toEqual([[staff('u-operator'), staff('u-operator', 'another-sign-in'), client('c-grid')]]);
    expect(revocations.asked).toEqual([]);
  });

  it('closes a socket whose user was moved to another role, and not one whose claims still hold', async () => {
    const { recheck, revocations } = setup();
    const moved = new FakeSocket();
    const other = new FakeSocket();
    recheck.watch({}, moved, staff('u-operator'));
    recheck.watch({}, other, staff('u-clerk'));
    revocations.move('u-operator', { role: 'leader', regionCode: '330621' });
    revocations.move('u-clerk', { role: 'command_operator', regionCode: '330621' });
    await recheck.check();
    expect(moved.closes).toEqual([[4403, ACCESS_REVOKED_CLOSE.reason]]);
    expect(other.closes).toEqual([]);
  });

  it('runs its timer only while a connection is open, at the configured interval', () => {
    const { recheck, ticker } = setup();
    const [one, two] = [{}, {}];
    expect(ticker.started).toEqual([]);
    recheck.watch(one, new FakeSocket(), staff('u-a'));
    recheck.watch(two, new FakeSocket(), staff('u-b'));
    expect(ticker.running.map((t) => t.ms)).toEqual([30_000]);
    recheck.release(one);
    expect(ticker.running).toHaveLength(1);
    recheck.release(two);
    expect(ticker.running).toEqual([]);
    recheck.watch({}, new FakeSocket(), staff('u-c'));
    expect(ticker.running).toHaveLength(1);
    recheck.onModuleDestroy();
    expect(ticker.running).toEqual([]);
  });

  it('keeps the sockets open when the check fails, reports it, and closes revoked ones at the next check that succeeds', async () => {
    let fail = true;
    const revocations = new InMemoryAccessRevocations();
    const { recheck, errors } = setup(async (h) => {
      if (fail) throw new Error('database unreachable');
      return revocations.revokedAmong(h);
    });
    const socket = new FakeSocket();
    recheck.watch({}, socket, staff('u-operator'));
    revocations.revoke('u-operator');
    await recheck.check();
    expect(socket.closes).toEqual([]);
    expect(errors).toEqual([new Error('database unreachable')]);
    fail = false;
    await recheck.check();
    expect(socket.closes).toEqual([[4403, ACCESS_REVOKED_CLOSE.reason]]);
  });

  it('does not ask twice at once: a tick while a check is out joins it', async () => {
    let release!: (v: boolean[]) => void;
    const asked: (readonly TokenHolder[])[] = [];
    const { recheck } = setup((h) => {
      asked.push(h);
      return new Promise((r) => (release = r));
    });
    recheck.watch({}, new FakeSocket(), staff('u-a'));
    const first = recheck.check();
    const second = recheck.check();
    release([false]);
    await Promise.all([first, second]);
    expect(asked).toHaveLength(1);
    expect(recheck.completed).toBe(1);
  });

  it('leaves alone a connection that closed while the question was out', async () => {
    let release!: (v: boolean[]) => void;
    const { recheck } = setup(() => new Promise((r) => (release = r)));
    const connection = {};
    const socket = new FakeSocket();
    recheck.watch(connection, socket, staff('u-a'));
    const running = recheck.check();
    recheck.release(connection);
    release([true]);
    await running;
    expect(socket.closes).toEqual([]);
  });
});

describe('live transport: an open connection is re-checked while it lives', () => {
  const tokens = new TestTokenService({ jwtSecret: 'live-access-recheck-spec-secret-0123456789', accessTokenTtlSeconds: 900, refreshTokenTtlHours: 1, production: false });
  const token = tokens.issue({ kind: 'staff', id: 'u-operator', role: 'command_operator', regionCode: '330621', scopes: [] }).accessToken;
  const connection = (socket: FakeSocket) => ({ connectionParams: { authorization: `Bearer ${token}` }, extra: { socket, request: { headers: {} } } }) as unknown as Context;

  it('watches the holder the connection signed in as, closes it once revoked, and forgets it on close', async () => {
    const { recheck, revocations, ticker } = setup();
    const options = liveTransportOptions({ authenticator: testConnectionAuthenticator(tokens, revocations), limits: DEFAULT_QUERY_LIMITS, production: false, formatError: (f) => f, recheck, expiryScheduler: () => () => undefined });
    const [kept, revoked] = [connection(new FakeSocket()), connection(new FakeSocket())];
    expect(await options.onConnect!(kept)).toBe(true);
    await options.onClose!(kept, 1000, 'bye');
    expect(recheck.connections).toBe(0);
    expect(await options.onConnect!(revoked)).toBe(true);
    expect(ticker.running).toHaveLength(1);

    revocations.revoke(TEST_SESSION_ID);
    ticker.running[0].tick();
    await recheck.check();
    const socket = (revoked.extra as { socket: FakeSocket }).socket;
    expect(socket.closes).toEqual([[4403, ACCESS_REVOKED_CLOSE.reason]]);
    expect(revocations.batches).toEqual([[expect.objectContaining({ kind: 'staff', id: 'u-operator', sessionId: TEST_SESSION_ID, role: 'command_operator' })]]);
  });
});
