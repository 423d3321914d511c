import type { LedgerHit, RateLimitLedger } from './rate-limit-ledger';

/**
 * One counter: at most `limit` hits under `key` within any `windowMs`. Keys read
 * `<bucket>:<who>`; the bucket (letters, digits, `-`) is what old hits are forgotten by.
 */
export interface RateLimit {
  key: string;
  limit: number;
  windowMs: number;
}

/** Where an admitted call left one of its counters (for X-RateLimit-style headers). */
export interface CounterState {
  key: string;
  limit: number;
  /** Calls still allowed in the window after this one. */
  remaining: number;
  /** Seconds until the window's oldest hit leaves it, freeing a slot. */
  resetSeconds: number;
}

/** What an admitted call counted: hand it back (giveBack) if the call turns out not to count. */
export interface Admission {
  hits: LedgerHit[];
  counters: CounterState[];
}

/** take()'s answer: admitted (and counted), or refused with when to try again. */
export type LimitVerdict = { admitted: true; admission: Admission } | { admitted: false; retryAfterSeconds: number };

const BUCKET = /^[A-Za-z0-9-]+$/;

function bucketOf(key: string): string {
  const bucket = key.slice(0, Math.max(0, key.indexOf(':')));
  if (!BUCKET.test(bucket) || key.length === bucket.length + 1) throw new Error(`rate limit key "${key}" must read <bucket>:<who>, the bucket letters, digits or -`);
  return bucket;
}

const seconds = (ms: number): number => Math.max(1, Math.ceil(Math.max(0, ms) / 1000));

/**
 * Sliding-window limits over a ledger. take() checks and counts in one atomic step (the
 * ledger's), so N+k calls racing at a limit of N let exactly N through; each replica sharing the
 * ledger counts against the same windows.
 */
export class SlidingWindowLimiter {
  /** When each bucket's old hits were last forgotten (by this limiter's clock). */
  private readonly forgotten = new Map<string, number>();

  constructor(
    private readonly ledger: RateLimitLedger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one hit against every counter, or — when any has reached its limit within its window — none. */
  async take(limits: RateLimit[]): Promise<LimitVerdict> {
    if (new Set(limits.map((l) => l.key)).size !== limits.length) throw new Error('SlidingWindowLimiter.take: each counter once per call');
    for (const l of limits) {
      bucketOf(l.key);
      if (!Number.isInteger(l.limit) || l.limit < 1 || !(l.windowMs > 0)) throw new Error(`rate limit ${l.key}: limit must be a whole number ≥ 1 and windowMs > 0`);
    }
    const now = this.now();
    const windowOf = (key: string) => limits.find((l) => l.key === key)!;
    const verdict = await this.ledger.admit(
      limits.map((l) => ({ key: l.key, limit: l.limit, since: new Date(now - l.windowMs) })),
      new Date(now),
    );
    if (!verdict.admitted) {
      // The longest wait: every full counter must have freed a slot.
      const waits = verdict.full.map((t) => t.oldest.getTime() + windowOf(t.key).windowMs - now);
      return { admitted: false, retryAfterSeconds: seconds(Math.max(0, ...waits)) };
    }
    await this.forgetOld(limits, now);
    const counters = verdict.tallies.map((t) => {
      const l = windowOf(t.key);
      return { key: t.key, limit: l.limit, remaining: Math.max(0, l.limit - t.count), resetSeconds: seconds(t.oldest.getTime() + l.windowMs - now) };
    });
    return { admitted: true, admission: { hits: verdict.hits, counters } };
  }

  /** Takes back an admission's hits on these keys (all of them when no keys are given). */
  async giveBack(admission: Pick<Admission, 'hits'>, keys?: string[]): Promise<void> {
    await this.ledger.remove(admission.hits.filter((h) => !keys || keys.includes(h.key)).map((h) => h.id));
  }

  async clear(key: string): Promise<void> {
    await this.ledger.clear(key);
  }

  /** Forgets hits older than their windows, per bucket, so the ledger stays small. */
  private async forgetOld(limits: RateLimit[], now: number): Promise<void> {
    const windows = new Map<string, number>();
    for (const l of limits) windows.set(bucketOf(l.key), Math.max(windows.get(bucketOf(l.key)) ?? 0, l.windowMs));
    for (const [bucket, windowMs] of windows) {
      // At most once per sixtieth of the window (a second of a minute): the ledger stays as small,
      // and a busy door spends no statement per call on it. Forgetting never changes a count.
      const last = this.forgotten.get(bucket);
      if (last !== undefined && now >= last && now - last < windowMs / 60) continue;
      this.forgotten.set(bucket, now);
      await this.ledger.forget(bucket, new Date(now - windowMs));
    }
  }
}
