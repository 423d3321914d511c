import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PgRateLimitLedger as SharedPgRateLimitLedger, SlidingWindowLimiter, type Admission, type RateLimit, type RateLimitLedger } from '@yikouban/persistence';
import { AUTH_OPTIONS, nowMs, type AuthOptions } from './auth.options';
import { AuthMessages, TooManyAttemptsError } from './auth.errors';

// Keys read `<bucket>:<who>`: login:name|address, client:id|address, public:address.
export type { Admission, LedgerCounter, LedgerHit, LedgerTally, LedgerVerdict, RateLimit, RateLimitLedger } from '@yikouban/persistence';

export const RATE_LIMIT_LEDGER = Symbol('RATE_LIMIT_LEDGER');

/** The advisory-lock class of the gateway's rate-limit keys (pg_advisory_xact_lock(class, hashtext(key))). */
const RATE_LIMIT_LOCK_CLASS = 1_732_910;

/** The shared ledger over the gateway's table (rate_limit_hit), so every replica sees the same counts. */
@Injectable()
export class PgRateLimitLedger extends SharedPgRateLimitLedger {
  constructor(@InjectDataSource() db: DataSource) {
    super(db, { table: 'rate_limit_hit', lockClass: RATE_LIMIT_LOCK_CLASS });
  }
}

/**
 * Sliding-window limits over the ledger: the sign-in throttle and the public operations both
 * count here. A refusal is TOO_MANY_REQUESTS with retryAfterSeconds.
 */
@Injectable()
export class RateLimiter {
  private readonly window: SlidingWindowLimiter;

  constructor(@Inject(RATE_LIMIT_LEDGER) ledger: RateLimitLedger, @Inject(AUTH_OPTIONS) options: Pick<AuthOptions, 'now'>) {
    this.window = new SlidingWindowLimiter(ledger, () => nowMs(options));
  }

  /**
   * Counts one hit against every counter, or — when any has reached its limit within its
   * window — none, throwing TOO_MANY_REQUESTS with retryAfterSeconds (when the longest wait ends).
   */
  async take(limits: RateLimit[], message: string = AuthMessages.tooMany): Promise<Admission> {
    const verdict = await this.window.take(limits);
    if (!verdict.admitted) throw new TooManyAttemptsError(verdict.retryAfterSeconds, message);
    return verdict.admission;
  }

  /** Takes back an admission's hits on these keys (all of them when no keys are given). */
  giveBack(admission: Pick<Admission, 'hits'>, keys?: string[]): Promise<void> {
    return this.window.giveBack(admission, keys);
  }

  clear(key: string): Promise<void> {
    return this.window.clear(key);
  }
}
