import type { Context, ServerOptions } from 'graphql-ws';
import { InMemoryAccessRevocations, testConnectionAuthenticator, TestTokenService } from '../auth/testing/test-access';
import { ConnectionExpiry, TOKEN_EXPIRED_CLOSE, type ExpiryScheduler } from './connection-expiry';
import { liveTransportOptions } from './live-transport';
import { DEFAULT_QUERY_LIMITS } from './query-limits';

/** A scheduler that only remembers: the test fires what it scheduled, so no clock is involved. */
class ManualScheduler {
  readonly scheduled: { ms: number; fire: () => void; cancelled: boolean }[] = [];
  readonly schedule: ExpiryScheduler = (ms, fire) => {
    const entry = { ms, fire, cancelled: false };
    this.scheduled.push(entry);
    return () => (entry.cancelled = true);
  };
}

class FakeSocket {
  readonly closes: [number, string][] = [];
  close(code: number, reason: string): void {
    this.closes.push([code, reason]);
  }
}

describe('ConnectionExpiry', () => {
  it('closes the socket with 4403 "access token expired" when the scheduled moment comes', () => {
    const clock = new ManualScheduler();
    const expiry = new ConnectionExpiry(clock.schedule);
    const socket = new FakeSocket();
    expiry.watch({}, socket, 25_000);
    expect(clock.scheduled.map((s) => s.ms)).toEqual([25_000]);
    expect(socket.closes).toEqual([]);
    clock.scheduled[0].fire();
    expect(socket.closes).toEqual([[4403, TOKEN_EXPIRED_CLOSE.reason]]);
    expect(TOKEN_EXPIRED_CLOSE.reason).toMatch(/expired/);
  });

  it('cancels the timer of a connection that closes first, and keeps one timer per connection', () => {
    const clock = new ManualScheduler();
    const expiry = new ConnectionExpiry(clock.schedule);
    const [a, b] = [{}, {}];
    expiry.watch(a, new FakeSocket(), 1000);
    expiry.watch(b, new FakeSocket(), 2000);
    expiry.watch(a, new FakeSocket(), 3000);
    expect(clock.scheduled.map((s) => [s.ms, s.cancelled])).toEqual([
      [1000, true],
      [2000, false],
      [3000, false],
    ]);
    expiry.release(b);
    expiry.release(b);
    expect(clock.scheduled[1].cancelled).toBe(true);
    expect(clock.scheduled[2].cancelled).toBe(false);
  });
});

describe('live transport: a connection lives as long as its access token', () => {
  const T0 = Date.UTC(2026, 0, 5, 8, 0, 0);
  const now = { ms: T0 };
  const tokens = new TestTokenService({ jwtSecret: 'connection-expiry-spec-secret-0123456789', accessTokenTtlSeconds: 30, refreshTokenTtlHours: 1, production: false, now: () => now.ms });
  const token = tokens.issue({ kind: 'staff', id: 'u-operator', role: 'command_operator', regionCode: '330621', scopes: [] }).accessToken;

  function transport(scheduler: ManualScheduler, revocations = new InMemoryAccessRevocations()): Required<Pick<ServerOptions, 'onConnect' | 'onClose'>> {
    const options = liveTransportOptions({ authenticator: testConnectionAuthenticator(tokens, revocations), limits: DEFAULT_QUERY_LIMITS, production: false, formatError: (f) => f, expiryScheduler: scheduler.schedule });
    return { onConnect: options.onConnect!, onClose: options.onClose! };
  }

  const connection = (socket: FakeSocket, authorization?: string) => ({ connectionParams: authorization ? { authorization } : {}, extra: { socket, request: { headers: {} } } }) as unknown as Context;

  beforeEach(() => (now.ms = T0));

  it('admits a valid token and closes the socket (4403) at its expiry, not before', async () => {
    const scheduler = new ManualScheduler();
    const { onConnect } = transport(scheduler);
    const socket = new FakeSocket();
    now.ms = T0 + 10_000;
    expect(await onConnect(connection(socket, `Bearer ${token}`))).toBe(true);
    // Issued at T0 for 30 s, connected 10 s later: 20 s left.
    expect(scheduler.scheduled.map((s) => s.ms)).toEqual([20_000]);
    expect(socket.closes).toEqual([]);
    scheduler.scheduled[0].fire();
    expect(socket.closes).toEqual([[4403, TOKEN_EXPIRED_CLOSE.reason]]);
  });

  it('forgets the expiry of a socket that closed first', async () => {
    const scheduler = new ManualScheduler();
    const { onConnect, onClose } = transport(scheduler);
    const ctx = connection(new FakeSocket(), `Bearer ${token}`);
    await onConnect(ctx);
    await onClose(ctx, 1000, 'bye');
    expect(scheduler.scheduled.map((s) => s.cancelled)).toEqual([true]);
  });

  it('refuses an expired or missing token at connection_init, scheduling nothing', async () => {
    const scheduler = new ManualScheduler();
    const { onConnect } = transport(scheduler);
    now.ms = T0 + 30_000;
    expect(await onConnect(connection(new FakeSocket(), `Bearer ${token}`))).toBe(false);
    expect(await onConnect(connection(new FakeSocket()))).toBe(false);
    expect(scheduler.scheduled).toEqual([]);
  });

  it('refuses at connection_init a token whose user has been disabled (or sign-in ended) since it was issued', async () => {
    const scheduler = new ManualScheduler();
    const revocations = new InMemoryAccessRevocations();
    const { onConnect } = transport(scheduler, revocations);
    revocations.revoke('u-operator');
    expect(await onConnect(connection(new FakeSocket(), `Bearer ${token}`))).toBe(false);
    expect(scheduler.scheduled).toEqual([]);
  });
});
