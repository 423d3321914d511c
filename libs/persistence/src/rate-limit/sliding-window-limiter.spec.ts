import type { DataSource } from 'typeorm';
import { InMemoryRateLimitLedger } from './in-memory-rate-limit-ledger';
import { PgRateLimitLedger } from './rate-limit-ledger';
import { SlidingWindowLimiter, type LimitVerdict } from './sliding-window-limiter';

const T0 = Date.UTC(2026, 0, 5, 8, 0, 0);

function setup() {
  const clock = { now: T0 };
  const ledger = new InMemoryRateLimitLedger();
  return { clock, ledger, limiter: new SlidingWindowLimiter(ledger, () => clock.now) };
}

const perMinute = (who: string, limit: number) => ({ key: `public:${who}`, limit, windowMs: 60_000 });
const admitted = (v: LimitVerdict) => {
  if (!v.admitted) throw new Error(`refused (retry after ${v.retryAfterSeconds} s)`);
  return v.admission;
};

describe('SlidingWindowLimiter', () => {
  it('admits `limit` calls in a window, saying how many remain and when a slot frees; then refuses with when to retry', async () => {
    const { clock, limiter, ledger } = setup();
    const states = [];
    for (let i = 0; i < 3; i++) {
      states.push(admitted(await limiter.take([perMinute('203.0.113.7', 3)])).counters[0]);
      clock.now += 10_000;
    }
    // The oldest hit (T0) leaves the window at T0+60 s.
    expect(states).toEqual([
      { key: 'public:203.0.113.7', limit: 3, remaining: 2, resetSeconds: 60 },
      { key: 'public:203.0.113.7', limit: 3, remaining: 1, resetSeconds: 50 },
      { key: 'public:203.0.113.7', limit: 3, remaining: 0, resetSeconds: 40 },
    ]);
    expect(await limiter.take([perMinute('203.0.113.7', 3)])).toEqual({ admitted: false, retryAfterSeconds: 30 });
    expect(ledger.hits).toHaveLength(3);
    clock.now = T0 + 60_000;
    expect((await limiter.take([perMinute('203.0.113.7', 3)])).admitted).toBe(true);
  });

  it('counts all of a call’s counters or none, and forgets a bucket’s hits older than its window', async () => {
    const { clock, limiter, ledger } = setup();
    const wide = { key: 'login:203.0.113.7', limit: 5, windowMs: 900_000 };
    admitted(await limiter.take([perMinute('a', 1), wide]));
    expect((await limiter.take([perMinute('a', 1), wide])).admitted).toBe(false);
    expect(ledger.hits.map((h) => h.key)).toEqual(['public:a', 'login:203.0.113.7']);
    clock.now += 120_000;
    admitted(await limiter.take([perMinute('b', 1)]));
    // The public minute has passed for `a`; the 15-minute login hit is another bucket's and stays.
    expect(ledger.hits.map((h) => h.key)).toEqual(['login:203.0.113.7', 'public:b']);
  });

  it('gives back an admission’s hits', async () => {
    const { limiter } = setup();
    const admission = admitted(await limiter.take([perMinute('a', 1)]));
    await limiter.giveBack(admission);
    expect((await limiter.take([perMinute('a', 1)])).admitted).toBe(true);
  });

  it('refuses, as programming errors, a key without its bucket, a counter named twice, and a limit below one', async () => {
    const { limiter } = setup();
    await expect(limiter.take([{ key: 'no-bucket', limit: 1, windowMs: 1000 }])).rejects.toThrow(/<bucket>:<who>/);
    await expect(limiter.take([{ key: 'pub_lic:x', limit: 1, windowMs: 1000 }])).rejects.toThrow(/<bucket>:<who>/);
    await expect(limiter.take([perMinute('a', 1), perMinute('a', 2)])).rejects.toThrow(/once/);
    await expect(limiter.take([perMinute('a', 0)])).rejects.toThrow(/limit/);
  });
});

describe('PgRateLimitLedger', () => {
  it('takes only a plain table name and a 32-bit lock class (they are written into its SQL)', () => {
    const db = {} as DataSource;
    expect(() => new PgRateLimitLedger(db, { table: 'rate_limit_hit; DROP TABLE x', lockClass: 1 })).toThrow(/plain table name/);
    expect(() => new PgRateLimitLedger(db, { table: 'intake.rate_limit_hit', lockClass: 2 ** 31 })).toThrow(/32-bit/);
    expect(() => new PgRateLimitLedger(db, { table: 'intake.rate_limit_hit', lockClass: 1_732_620 })).not.toThrow();
  });
});
