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

/** A counter as the ledger checks it: hits after `since` count. */
export interface LedgerCounter {
  key: string;
  limit: number;
  since: Date;
}

/** Hits per key since a moment: how many, and the oldest (when the first slot frees up). */
export interface LedgerTally {
  key: string;
  count: number;
  oldest: Date;
}

/** One hit the ledger added, by its counter's key. */
export interface LedgerHit {
  key: string;
  id: string;
}

/** The ledger's answer: every counter had room and got one hit, or none did and these were full. */
export type LedgerVerdict = { admitted: true; hits: LedgerHit[] } | { admitted: false; full: LedgerTally[] };

/** Where hits are counted; the window arithmetic (RateLimiter) sits on top of it. */
export interface RateLimitLedger {
  /**
   * Atomically: when every counter has fewer than `limit` hits since its `since`, adds one hit
   * to each at `at`; otherwise adds nothing. Of calls racing at a limit, exactly as many as
   * there is room for are admitted.
   */
  admit(counters: LedgerCounter[], at: Date): Promise<LedgerVerdict>;
  /** Takes back hits that turned out not to count. */
  remove(hitIds: string[]): Promise<void>;
  /** Forgets the hits of one bucket at or before `before`. */
  forget(bucket: string, before: Date): Promise<void>;
  clear(key: string): Promise<void>;
}

export const RATE_LIMIT_LEDGER = Symbol('RATE_LIMIT_LEDGER');

/** The advisory-lock class of rate-limit keys (pg_advisory_xact_lock(class, hashtext(key))). */
const RATE_LIMIT_LOCK_CLASS = 1_732_910;

/**
 * Counts in the gateway's database (rate_limit_hit: one row per hit), so every replica sees
 * the same counts and a restart forgets nothing. admit() holds a transaction-scoped advisory
 * lock on each key while it counts and adds, so two calls racing at the limit cannot both pass.
 */
@Injectable()
export class PgRateLimitLedger implements RateLimitLedger {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  admit(counters: LedgerCounter[], at: Date): Promise<LedgerVerdict> {
    // Sorted, so two calls sharing keys take their locks in the same order and cannot deadlock.
    const sorted = [...counters].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const keys = sorted.map((c) => c.key);
    return this.db.transaction(async (tx) => {
      // The lock comes first, in its own statement: the tally's snapshot then includes every
      // hit committed by whoever held the lock before.
      await tx.query('SELECT pg_advisory_xact_lock($1, hashtext(k)) FROM unnest($2::text[]) AS k', [RATE_LIMIT_LOCK_CLASS, keys]);
      const rows: { key: string; n: number; lim: number; oldest: Date | null; id: string | null }[] = await tx.query(
        `WITH counter AS (SELECT * FROM unnest($1::text[], $2::int[], $3::timestamptz[]) AS c(key, lim, since)),
         tally AS (
           SELECT c.key, c.lim, count(h.id)::int AS n, min(h.at) AS oldest
           FROM counter c LEFT JOIN rate_limit_hit h ON h.limit_key = c.key AND h.at > c.since
           GROUP BY c.key, c.lim),
         added AS (
           INSERT INTO rate_limit_hit (limit_key, at)
           SELECT key, $4 FROM counter WHERE NOT EXISTS (SELECT 1 FROM tally WHERE n >= lim)
           RETURNING id, limit_key)
         SELECT t.key, t.n, t.lim, t.oldest, a.id FROM tally t LEFT JOIN added a ON a.limit_key = t.key`,
        [keys, sorted.map((c) => c.limit), sorted.map((c) => c.since), at],
      );
      if (rows.every((r) => r.id !== null)) return { admitted: true, hits: rows.map((r) => ({ key: r.key, id: String(r.id) })) };
      return { admitted: false, full: rows.filter((r) => r.n >= r.lim).map((r) => ({ key: r.key, count: r.n, oldest: new Date(r.oldest!) })) };
    });
  }

  async remove(hitIds: string[]): Promise<void> {
    if (hitIds.length) await this.db.query('DELETE FROM rate_limit_hit WHERE id = ANY($1::bigint[])', [hitIds]);
  }

  async forget(bucket: string, before: Date): Promise<void> {
    // Bucket names are plain words (no LIKE wildcards). SKIP LOCKED: replicas sweeping at the
    // same moment share the rows out instead of queueing behind each other.
    await this.db.query(
      `DELETE FROM rate_limit_hit WHERE id IN (
         SELECT id FROM rate_limit_hit WHERE limit_key LIKE $1 AND at <= $2 FOR UPDATE SKIP LOCKED)`,
      [`${bucket}:%`, before],
    );
  }

  async clear(key: string): Promise<void> {
    await this.db.query('DELETE FROM rate_limit_hit WHERE limit_key = $1', [key]);
  }
}

const bucketOf = (key: string): string => key.slice(0, key.indexOf(':'));

/** What an admitted call counted: hand it back (RateLimiter.giveBack) if the call turns out not to count. */
export interface Admission {
  hits: LedgerHit[];
}

/**
 * Sliding-window limits over a ledger: the sign-in throttle and the public operations both count
 * here. take() checks and counts in one atomic step, so N+k calls racing at a limit of N let
 * exactly N through.
 */
@Injectable()
export class RateLimiter {
  constructor(
    @Inject(RATE_LIMIT_LEDGER) private readonly ledger: RateLimitLedger,
    @Inject(AUTH_OPTIONS) private readonly options: Pick<AuthOptions, 'now'>,
  ) {}

  /**
   * Counts one hit against every counter, or — when any has reached its limit within its
   * window — none, throwing TOO_MANY_REQUESTS with retryAfterSeconds (when the longest wait ends).
   */
  async take(limits: RateLimit[], message: string = AuthMessages.tooMany): Promise<Admission> {
    if (new Set(limits.map((l) => l.key)).size !== limits.length) throw new Error('RateLimiter.take: each counter once per call');
    const now = nowMs(this.options);
    const verdict = await this.ledger.admit(
      limits.map((l) => ({ key: l.key, limit: l.limit, since: new Date(now - l.windowMs) })),
      new Date(now),
    );
    if (!verdict.admitted) {
      const waits = verdict.full.map((t) => t.oldest.getTime() + limits.find((l) => l.key === t.key)!.windowMs - now);
      throw new TooManyAttemptsError(Math.max(1, Math.ceil(Math.max(0, ...waits) / 1000)), message);
    }
    await this.forgetOld(limits, now);
    return { hits: verdict.hits };
  }

  /** Takes back an admission's hits on these keys (all of them when no keys are given). */
  async giveBack(admission: Admission, keys?: string[]): Promise<void> {
    await this.ledger.remove(admission.hits.filter((h) => !keys || keys.includes(h.key)).map((h) => h.id));
  }

  async clear(key: string): Promise<void> {
    await this.ledger.clear(key);
  }

  /** Forgets hits older than their windows, per bucket, so the ledger stays small. */
  private async forgetOld(limits: RateLimit[], now: number): Promise<void> {
    const windows = new Map<string, number>();
    for (const l of limits) windows.set(bucketOf(l.key), Math.max(windows.get(bucketOf(l.key)) ?? 0, l.windowMs));
    for (const [bucket, windowMs] of windows) await this.ledger.forget(bucket, new Date(now - windowMs));
  }
}
