import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AUTH_OPTIONS, nowMs, type AuthOptions } from './auth.options';
import { TooManyAttemptsError } from './auth.errors';

export const THROTTLE_WINDOW_MS = 15 * 60_000;
/** Failures per account name and address in the window: guessing one password. */
export const FAILURES_PER_NAME_AND_ADDRESS = 5;
/** Failures per address in the window, whatever the names: spraying one password over many accounts. */
export const FAILURES_PER_ADDRESS = 50;

export interface ThrottleKey {
  key: string;
  limit: number;
}

/** The counters one sign-in attempt is checked against: by name + address, and by address alone. */
export function throttleKeys(door: 'login' | 'client', name: string, address: string): { named: ThrottleKey; address: ThrottleKey } {
  return {
    named: { key: `${door}:${name}|${address}`, limit: FAILURES_PER_NAME_AND_ADDRESS },
    address: { key: `${door}:*|${address}`, limit: FAILURES_PER_ADDRESS },
  };
}

/**
 * Counts failed sign-ins in the gateway's database, so every replica sees the same counts and
 * a restart forgets nothing. A blocked attempt is refused before the password is even checked.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  /** Throws TOO_MANY_REQUESTS when any key has reached its limit within the window. */
  async assertAllowed(keys: ThrottleKey[]): Promise<void> {
    const since = new Date(nowMs(this.options) - THROTTLE_WINDOW_MS);
    const rows: { throttle_key: string; n: number; oldest: Date }[] = await this.db.query(
      `SELECT throttle_key, count(*)::int AS n, min(at) AS oldest FROM login_failure
       WHERE throttle_key = ANY($1) AND at > $2 GROUP BY throttle_key`,
      [keys.map((k) => k.key), since],
    );
    for (const row of rows) {
      const limit = keys.find((k) => k.key === row.throttle_key)?.limit ?? Infinity;
      if (row.n >= limit) {
        const retryAfterMs = new Date(row.oldest).getTime() + THROTTLE_WINDOW_MS - nowMs(this.options);
        throw new TooManyAttemptsError(Math.max(1, Math.ceil(retryAfterMs / 1000)));
      }
    }
  }

  /** Counts one failure against every key, and forgets failures older than the window. */
  async recordFailure(keys: ThrottleKey[]): Promise<void> {
    const now = nowMs(this.options);
    await this.db.query('INSERT INTO login_failure (throttle_key, at) SELECT unnest($1::text[]), $2', [keys.map((k) => k.key), new Date(now)]);
    await this.db.query('DELETE FROM login_failure WHERE at <= $1', [new Date(now - THROTTLE_WINDOW_MS)]);
  }

  /** A successful sign-in clears its own name + address counter (not the address-wide one). */
  async clear(key: ThrottleKey): Promise<void> {
    await this.db.query('DELETE FROM login_failure WHERE throttle_key = $1', [key.key]);
  }
}
