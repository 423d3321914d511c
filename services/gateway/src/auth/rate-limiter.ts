import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AUTH_OPTIONS, nowMs, type AuthOptions } from './auth.options';
import { AuthMessages, TooManyAttemptsError } from './auth.errors';

/**
 * One counter: at most `limit` hits under `key` within any `windowMs`. Keys read
 * `<bucket>:<who>` (login:name|address, client:id|address, public:address); the bucket before
 * the first colon is what old hits are forgotten by.
 */
export interface RateLimit {
  key: string;
  limit: number;
  windowMs: number;
}

/** Hits per key since a moment: how many, and the oldest (when the first slot frees up). */
export interface LedgerTally {
  key: string;
  count: number;
  oldest: Date;
}

/** Where hits are counted; the window arithmetic (RateLimiter) sits on top of it. */
export interface RateLimitLedger {
  tally(keys: string[], since: Date): Promise<LedgerTally[]>;
  add(keys: string[], at: Date): Promise<void>;
  /** Forgets the hits of one bucket at or before `before`. */
  forget(bucket: string, before: Date): Promise<void>;
  clear(key: string): Promise<void>;
}

export const RATE_LIMIT_LEDGER = Symbol('RATE_LIMIT_LEDGER');

/**
 * Counts in the gateway's database (the login_failure table: one row per hit), so every replica
 * sees the same counts and a restart forgets nothing. The table is named for its first use,
 * the sign-in throttle; public operations count there too, under their own bucket.
 */
@Injectable()
export class PgRateLimitLedger implements RateLimitLedger {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async tally(keys: string[], since: Date): Promise<LedgerTally[]> {
    const rows: { throttle_key: string; n: number; oldest: Date }[] = await this.db.query(
      `SELECT throttle_key, count(*)::int AS n, min(at) AS oldest FROM login_failure
       WHERE throttle_key = ANY($1) AND at > $2 GROUP BY throttle_key`,
      [keys, since],
    );
    return rows.map((r) => ({ key: r.throttle_key, count: r.n, oldest: new Date(r.oldest) }));
  }

  async add(keys: string[], at: Date): Promise<void> {
    await this.db.query('INSERT INTO login_failure (throttle_key, at) SELECT unnest($1::text[]), $2', [keys, at]);
  }

  async forget(bucket: string, before: Date): Promise<void> {
    // Bucket names are plain words (no LIKE wildcards).
    await this.db.query('DELETE FROM login_failure WHERE throttle_key LIKE $1 AND at <= $2', [`${bucket}:%`, before]);
  }

  async clear(key: string): Promise<void> {
    await this.db.query('DELETE FROM login_failure WHERE throttle_key = $1', [key]);
  }
}

const bucketOf = (key: string): string => key.slice(0, key.indexOf(':'));

/**
 * Sliding-window limits over a ledger: the sign-in throttle (failures only) and the public
 * operations (every call) both count here. Not a strict mutex: two calls racing at the limit
 * may both pass, which a throttle can afford.
 */
@Injectable()
export class RateLimiter {
  constructor(
    @Inject(RATE_LIMIT_LEDGER) private readonly ledger: RateLimitLedger,
    @Inject(AUTH_OPTIONS) private readonly options: Pick<AuthOptions, 'now'>,
  ) {}

  /** Throws TOO_MANY_REQUESTS (with retryAfterSeconds) when any counter has reached its limit within its window. */
  async assertAllowed(limits: RateLimit[], message: string = AuthMessages.tooMany): Promise<void> {
    const now = nowMs(this.options);
    let retryAfterMs: number | undefined;
    // One query per window length (a call's counters usually share one).
    for (const windowMs of new Set(limits.map((l) => l.windowMs))) {
      const counters = limits.filter((l) => l.windowMs === windowMs);
      const tallies = await this.ledger.tally(
        counters.map((l) => l.key),
        new Date(now - windowMs),
      );
      for (const tally of tallies) {
        const limit = counters.find((l) => l.key === tally.key)?.limit ?? Infinity;
        if (tally.count >= limit) retryAfterMs = Math.max(retryAfterMs ?? 0, tally.oldest.getTime() + windowMs - now);
      }
    }
    if (retryAfterMs !== undefined) throw new TooManyAttemptsError(Math.max(1, Math.ceil(retryAfterMs / 1000)), message);
  }

  /** Counts one hit against every counter, and forgets hits older than their windows. */
  async record(limits: RateLimit[]): Promise<void> {
    const now = nowMs(this.options);
    await this.ledger.add(
      limits.map((l) => l.key),
      new Date(now),
    );
    const windows = new Map<string, number>();
    for (const l of limits) windows.set(bucketOf(l.key), Math.max(windows.get(bucketOf(l.key)) ?? 0, l.windowMs));
    for (const [bucket, windowMs] of windows) await this.ledger.forget(bucket, new Date(now - windowMs));
  }

  /** One call that counts whether or not it succeeds: refused once over the limit, else counted. */
  async take(limits: RateLimit[], message?: string): Promise<void> {
    await this.assertAllowed(limits, message);
    await this.record(limits);
  }

  async clear(key: string): Promise<void> {
    await this.ledger.clear(key);
  }
}
