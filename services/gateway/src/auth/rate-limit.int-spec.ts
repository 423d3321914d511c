import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { runMigrations } from '@yikouban/persistence';
import { createTestDatabase, type TestDatabase } from '@yikouban/testing';
import { gatewayDataSourceOptions } from '../database/data-source';
import { CreateIdentity1732300000900 } from '../database/migrations/1732300000900-CreateIdentity';
import { TooManyAttemptsError } from './auth.errors';
import { throttleKeys } from './login-throttle.service';
import { publicLimit } from './rate-limit.guard';
import { PgRateLimitLedger, RateLimiter, type RateLimit } from './rate-limiter';

/** The shared rate-limit ledger against the real PostgreSQL: counting is atomic, so racing calls cannot overshoot a limit. */
describe('PgRateLimitLedger (real PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let limiter: RateLimiter;
  const clock = { now: Date.UTC(2026, 0, 5, 8, 0, 0) };

  beforeAll(async () => {
    db = await createTestDatabase('gateway_rl');
    // The ledger as it stood before the rename, with a throttle in progress: the rename must keep it.
    const before = { ...gatewayDataSourceOptions(db.url), migrations: [CreateIdentity1732300000900] };
    await runMigrations(before);
    const old = new DataSource(before);
    await old.initialize();
    await old.query("INSERT INTO login_failure (throttle_key, at) SELECT 'login:carried|203.0.113.9', $1 FROM generate_series(1, 5)", [new Date(clock.now)]);
    await old.destroy();

    await runMigrations(gatewayDataSourceOptions(db.url));
    // More connections than the gateway's pool, so the racing calls really run side by side.
    const options = gatewayDataSourceOptions(db.url);
    ds = new DataSource({ ...options, extra: { ...options.extra, max: 12 } });
    await ds.initialize();
    limiter = new RateLimiter(new PgRateLimitLedger(ds), { now: () => clock.now });
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  /** Fires every call at once; which were admitted, which refused. */
  async function race(n: number, limits: () => RateLimit[]): Promise<{ passed: number; refused: number }> {
    const outcomes = await Promise.allSettled(Array.from({ length: n }, () => limiter.take(limits())));
    for (const o of outcomes) if (o.status === 'rejected' && !(o.reason instanceof TooManyAttemptsError)) throw o.reason;
    return { passed: outcomes.filter((o) => o.status === 'fulfilled').length, refused: outcomes.filter((o) => o.status === 'rejected').length };
  }

  const hitsOf = async (key: string): Promise<number> => (await ds.query('SELECT count(*)::int AS n FROM rate_limit_hit WHERE limit_key = $1', [key]))[0].n;

  it('kept the hits counted before the table was renamed', async () => {
    expect(await hitsOf('login:carried|203.0.113.9')).toBe(5);
    const carried = throttleKeys('login', 'carried', '203.0.113.9');
    await expect(limiter.take([carried.named, carried.address])).rejects.toBeInstanceOf(TooManyAttemptsError);
  });

  it.each([
    [5, 10],
    [10, 14],
  ])('lets exactly %i of a burst through, however many (%i more) race for the last slots', async (limit, more) => {
    const address = `198.51.100.${limit}`;
    expect(await race(limit + more, () => [publicLimit(address, limit)])).toEqual({ passed: limit, refused: more });
    expect(await hitsOf(`public:${address}`)).toBe(limit);
  });

  it('counts a call against all of its counters or none, under a race too', async () => {
    const keys = throttleKeys('login', 'clerk', '192.0.2.44');
    expect(await race(12, () => [keys.named, keys.address])).toEqual({ passed: 5, refused: 7 });
    expect([await hitsOf(keys.named.key), await hitsOf(keys.address.key)]).toEqual([5, 5]);
    // Other names from the same address race for the address-wide limit's remaining 45 slots.
    const names = Array.from({ length: 60 }, (_, i) => throttleKeys('login', `user${i}`, '192.0.2.44'));
    const outcomes = await Promise.allSettled(names.map((k) => limiter.take([k.named, k.address])));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(45);
    expect(await hitsOf(keys.address.key)).toBe(50);
  });

  it('says when the first slot frees up, gives back an admission, and forgets hits older than the window', async () => {
    const limit = publicLimit('203.0.113.50', 2);
    await limiter.take([limit]);
    clock.now += 20_000;
    const second = await limiter.take([limit]);
    const refused = await limiter.take([limit]).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TooManyAttemptsError);
    expect((refused as TooManyAttemptsError).retryAfterSeconds).toBe(40);
    await limiter.giveBack(second);
    const third = await limiter.take([limit]);
    expect(third.hits).toEqual([{ key: limit.key, id: expect.any(String) }]);
    clock.now += 61_000;
    await limiter.take([publicLimit('203.0.113.51', 2)]);
    // Everything of the public bucket older than a minute is gone.
    expect(await hitsOf(limit.key)).toBe(0);
  });
});
