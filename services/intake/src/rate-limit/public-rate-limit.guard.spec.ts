import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InMemoryRateLimitLedger, SlidingWindowLimiter } from '@yikouban/persistence';
import { clientAddress } from './client-address';
import { PublicRateLimit, TooManyRequestsException } from './public-rate-limit';
import { PublicRateLimitGuard } from './public-rate-limit.guard';

const T0 = Date.UTC(2026, 0, 5, 8, 0, 0);

class Doors {
  submit(): void {}
  read(): void {}
}

@PublicRateLimit(2)
class Tracking {
  view(): void {}
  @PublicRateLimit(1) withdraw(): void {}
}

class FakeResponse {
  readonly headers: Record<string, string> = {};
  setHeader(name: string, value: string): void {
    this.headers[name] = value;
  }
}

function setup() {
  const clock = { now: T0 };
  const ledger = new InMemoryRateLimitLedger();
  const guard = new PublicRateLimitGuard(new SlidingWindowLimiter(ledger, () => clock.now), new Reflector(), { perMinute: 3 });
  const call = (cls: Function, handler: () => void, ip = '203.0.113.7') => {
    const res = new FakeResponse();
    const ctx = { getType: () => 'http', getHandler: () => handler, getClass: () => cls, switchToHttp: () => ({ getRequest: () => ({ ip }), getResponse: () => res }) } as unknown as ExecutionContext;
    return { res, outcome: guard.canActivate(ctx).then(() => 'passed' as const, (e: unknown) => e) };
  };
  return { clock, ledger, call };
}

describe('PublicRateLimitGuard', () => {
  it('counts per endpoint and client address, telling the client its limit, what remains and when a slot frees', async () => {
    const { clock, call, ledger } = setup();
    const first = call(Doors, Doors.prototype.submit);
    expect(await first.outcome).toBe('passed');
    expect(first.res.headers).toEqual({ 'X-RateLimit-Limit': '3', 'X-RateLimit-Remaining': '2', 'X-RateLimit-Reset': '60' });
    clock.now += 15_000;
    await call(Doors, Doors.prototype.submit).outcome;
    const third = call(Doors, Doors.prototype.submit);
    expect(await third.outcome).toBe('passed');
    expect(third.res.headers).toMatchObject({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '45' });
    // Another endpoint, another address: their own counters.
    expect(await call(Doors, Doors.prototype.read).outcome).toBe('passed');
    expect(await call(Doors, Doors.prototype.submit, '198.51.100.2').outcome).toBe('passed');
    expect(ledger.hits.map((h) => h.key)).toEqual([
      'public:Doors.submit|203.0.113.7',
      'public:Doors.submit|203.0.113.7',
      'public:Doors.submit|203.0.113.7',
      'public:Doors.read|203.0.113.7',
      'public:Doors.submit|198.51.100.2',
    ]);
  });

  it('refuses the call beyond the limit with 429 and Retry-After, counting nothing', async () => {
    const { clock, call, ledger } = setup();
    for (let i = 0; i < 3; i++) await call(Doors, Doors.prototype.submit).outcome;
    clock.now += 20_000;
    const refused = call(Doors, Doors.prototype.submit);
    const err = await refused.outcome;
    expect(err).toBeInstanceOf(TooManyRequestsException);
    expect((err as TooManyRequestsException).getStatus()).toBe(429);
    expect((err as TooManyRequestsException).retryAfterSeconds).toBe(40);
    expect(refused.res.headers).toEqual({ 'Retry-After': '40' });
    expect(ledger.hits).toHaveLength(3);
  });

  it('takes a controller’s or handler’s own limit over the service’s', async () => {
    const { call } = setup();
    for (let i = 0; i < 2; i++) expect(await call(Tracking, Tracking.prototype.view).outcome).toBe('passed');
    expect(await call(Tracking, Tracking.prototype.view).outcome).toBeInstanceOf(TooManyRequestsException);
    expect(await call(Tracking, Tracking.prototype.withdraw).outcome).toBe('passed');
    expect(await call(Tracking, Tracking.prototype.withdraw).outcome).toBeInstanceOf(TooManyRequestsException);
  });

  it('refuses a limit below one when it is declared', () => {
    expect(() => PublicRateLimit(0)).toThrow(/≥ 1/);
  });
});

describe('clientAddress', () => {
  it('counts an IPv4 address as itself, an IPv6 one by its /64, a mapped IPv4 as the IPv4', () => {
    expect(clientAddress('203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddress('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddress('::1')).toBe('::1');
    expect(clientAddress('2001:db8:aa:bb:1:2:3:4')).toBe('2001:db8:aa:bb::/64');
    expect(clientAddress('2001:db8:aa:bb::9')).toBe(clientAddress('2001:DB8:aa:bb:ffff::1'));
    expect(clientAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientAddress(undefined)).toBe('unknown');
  });
});
