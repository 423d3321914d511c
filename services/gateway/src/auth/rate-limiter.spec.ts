import type { ExecutionContext } from '@nestjs/common';
import { InMemoryRateLimitLedger } from '@yikouban/persistence';
import { AuthMessages, TooManyAttemptsError } from './auth.errors';
import { FAILURES_PER_NAME_AND_ADDRESS, LoginThrottle, throttleKeys, THROTTLE_WINDOW_MS } from './login-throttle.service';
import { publicLimit, PUBLIC_WINDOW_MS, RateLimitGuard } from './rate-limit.guard';
import { RateLimited } from './rate-limited.decorator';
import { RateLimiter } from './rate-limiter';

const T0 = Date.UTC(2026, 0, 5, 8, 0, 0);

function setup() {
  const clock = { now: T0 };
  const ledger = new InMemoryRateLimitLedger();
  const limiter = new RateLimiter(ledger, { now: () => clock.now });
  return { clock, ledger, limiter };
}

async function refusal(p: Promise<unknown>): Promise<TooManyAttemptsError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof TooManyAttemptsError)) throw new Error(`expected TOO_MANY_REQUESTS, got ${String(err)}`);
  return err;
}

describe('RateLimiter (sliding window over a ledger)', () => {
  it('lets `limit` calls through in a window, refuses the next, and says when a slot frees up', async () => {
    const { clock, limiter, ledger } = setup();
    const limit = publicLimit('203.0.113.7', 3);
    for (let i = 0; i < 3; i++) {
      await limiter.take([limit]);
      clock.now += 10_000;
    }
    // First hit at T0, now T0+30s: the first slot frees at T0+60s.
    const err = await refusal(limiter.take([limit], AuthMessages.tooManyRequests));
    expect(err.retryAfterSeconds).toBe(30);
    expect(err.getResponse()).toEqual({ message: AuthMessages.tooManyRequests, retryAfterSeconds: 30 });
    expect(ledger.hits).toHaveLength(3);
  });

  it('slides: once the oldest hit leaves the window one more call passes', async () => {
    const { clock, limiter } = setup();
    const limit = publicLimit('203.0.113.7', 2);
    await limiter.take([limit]);
    clock.now += 20_000;
    await limiter.take([limit]);
    await refusal(limiter.take([limit]));
    clock.now = T0 + PUBLIC_WINDOW_MS;
    await expect(limiter.take([limit])).resolves.toBeDefined();
    await refusal(limiter.take([limit]));
  });

  it('counts each address apart', async () => {
    const { limiter } = setup();
    await limiter.take([publicLimit('203.0.113.7', 1)]);
    await refusal(limiter.take([publicLimit('203.0.113.7', 1)]));
    await expect(limiter.take([publicLimit('198.51.100.2', 1)])).resolves.toBeDefined();
  });

  it('refuses on whichever counter is full, with the longest wait among them', async () => {
    const { clock, limiter } = setup();
    const keys = throttleKeys('login', 'clerk', '203.0.113.7');
    for (let i = 0; i < 5; i++) await limiter.take([keys.named, keys.address]);
    clock.now += 60_000;
    const err = await refusal(limiter.take([keys.named, keys.address]));
    expect(err.retryAfterSeconds).toBe((THROTTLE_WINDOW_MS - 60_000) / 1000);
    expect(err.getResponse()).toMatchObject({ message: AuthMessages.tooMany });
    // Another name from the same address is still below both of its limits.
    const other = throttleKeys('login', 'operator', '203.0.113.7');
    await expect(limiter.take([other.named, other.address])).resolves.toMatchObject({ hits: [{ key: other.named.key }, { key: other.address.key }] });
  });

  it('counts all or nothing: a refused call adds no hit to any of its counters', async () => {
    const { limiter, ledger } = setup();
    const keys = throttleKeys('login', 'clerk', '203.0.113.7');
    for (let i = 0; i < 5; i++) await limiter.take([keys.named, keys.address]);
    await refusal(limiter.take([keys.named, keys.address]));
    expect(ledger.hits.filter((h) => h.key === keys.address.key)).toHaveLength(5);
  });

  it('forgets old hits only of its own bucket and window: a public minute does not erase sign-in failures', async () => {
    const { clock, limiter, ledger } = setup();
    const login = throttleKeys('login', 'clerk', '203.0.113.7');
    await limiter.take([login.named]);
    await limiter.take([publicLimit('203.0.113.7', 30)]);
    clock.now += 2 * PUBLIC_WINDOW_MS;
    await limiter.take([publicLimit('203.0.113.7', 30)]);
    expect(ledger.hits.map((h) => [h.key, h.at.getTime()])).toEqual([
      [login.named.key, T0],
      ['public:203.0.113.7', T0 + 2 * PUBLIC_WINDOW_MS],
    ]);
  });

  it('clears one counter, and gives back the hits of one admission', async () => {
    const { limiter, ledger } = setup();
    const keys = throttleKeys('client', 'hotline', '203.0.113.7');
    for (let i = 0; i < 4; i++) await limiter.take([keys.named, keys.address]);
    const last = await limiter.take([keys.named, keys.address]);
    await limiter.giveBack(last, [keys.address.key]);
    expect(ledger.hits.filter((h) => h.key === keys.address.key)).toHaveLength(4);
    await refusal(limiter.take([keys.named, keys.address]));
    await limiter.clear(keys.named.key);
    await expect(limiter.take([keys.named, keys.address])).resolves.toBeDefined();
  });

  it('refuses a call that names one counter twice (a programming error, not a limit)', async () => {
    const { limiter } = setup();
    await expect(limiter.take([publicLimit('203.0.113.7', 3), publicLimit('203.0.113.7', 5)])).rejects.toThrow(/once/);
  });
});

describe('LoginThrottle', () => {
  const keys = throttleKeys('login', 'clerk', '203.0.113.7');

  it('counts an attempt before its password is checked, and a success as no failure', async () => {
    const { limiter, ledger } = setup();
    const throttle = new LoginThrottle(limiter);
    await throttle.begin(throttleKeys('login', 'operator', '203.0.113.7'));
    for (let i = 0; i < 3; i++) await throttle.begin(keys);
    const attempt = await throttle.begin(keys);
    expect(ledger.hits.map((h) => h.key).filter((k) => k === keys.named.key)).toHaveLength(4);
    await throttle.succeeded(attempt);
    // Its own name + address counter cleared; on the address-wide one only its own hit taken back.
    expect(ledger.hits.filter((h) => h.key === keys.named.key)).toEqual([]);
    expect(ledger.hits.filter((h) => h.key === keys.address.key)).toHaveLength(4);
  });

  it(`refuses the attempt after ${FAILURES_PER_NAME_AND_ADDRESS} failures, before any password is checked`, async () => {
    const { limiter } = setup();
    const throttle = new LoginThrottle(limiter);
    for (let i = 0; i < FAILURES_PER_NAME_AND_ADDRESS; i++) await throttle.begin(keys);
    const err = await refusal(throttle.begin(keys));
    expect(err.retryAfterSeconds).toBe(THROTTLE_WINDOW_MS / 1000);
  });
});

describe('RateLimitGuard', () => {
  class Portal {
    @RateLimited('public') submit(): void {}
    staffList(): void {}
  }

  const contextOf = (handler: () => void, req: object): ExecutionContext =>
    ({ getHandler: () => handler, getClass: () => Portal, getType: () => 'http', switchToHttp: () => ({ getRequest: () => req }) }) as unknown as ExecutionContext;

  it("counts a @RateLimited('public') call against its client address, and lets unmarked ones pass uncounted", async () => {
    const { ledger, limiter } = setup();
    const guard = new RateLimitGuard(limiter, { jwtSecret: 'x', accessTokenTtlSeconds: 60, refreshTokenTtlHours: 1, production: false, publicRequestsPerMinute: 2 });
    expect(guard.canActivate(contextOf(Portal.prototype.staffList, { ip: '203.0.113.7' }))).toBe(true);
    expect(ledger.hits).toEqual([]);
    await expect(guard.canActivate(contextOf(Portal.prototype.submit, { ip: '203.0.113.7' }))).resolves.toBe(true);
    await expect(guard.canActivate(contextOf(Portal.prototype.submit, { ip: '203.0.113.7' }))).resolves.toBe(true);
    const err = await refusal(Promise.resolve(guard.canActivate(contextOf(Portal.prototype.submit, { ip: '203.0.113.7' }))));
    expect(err.getResponse()).toMatchObject({ message: AuthMessages.tooManyRequests });
    await expect(guard.canActivate(contextOf(Portal.prototype.submit, { ip: '198.51.100.2' }))).resolves.toBe(true);
    expect(ledger.hits.map((h) => h.key)).toEqual(['public:203.0.113.7', 'public:203.0.113.7', 'public:198.51.100.2']);
  });

  it('defaults to 30 a minute', async () => {
    const { limiter } = setup();
    const guard = new RateLimitGuard(limiter, { jwtSecret: 'x', accessTokenTtlSeconds: 60, refreshTokenTtlHours: 1, production: false });
    for (let i = 0; i < 30; i++) await guard.canActivate(contextOf(Portal.prototype.submit, { ip: '203.0.113.7' }));
    await refusal(Promise.resolve(guard.canActivate(contextOf(Portal.prototype.submit, { ip: '203.0.113.7' }))));
  });
});
