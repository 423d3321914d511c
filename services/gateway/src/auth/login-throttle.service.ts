import { Injectable } from '@nestjs/common';
import { RateLimiter, type RateLimit } from './rate-limiter';

export const THROTTLE_WINDOW_MS = 15 * 60_000;
/** Failures per account name and address in the window: guessing one password. */
export const FAILURES_PER_NAME_AND_ADDRESS = 5;
/** Failures per address in the window, whatever the names: spraying one password over many accounts. */
export const FAILURES_PER_ADDRESS = 50;

/** A sign-in counter: failures only, over the 15-minute window. */
export type ThrottleKey = RateLimit;

/** The counters one sign-in attempt is checked against: by name + address, and by address alone. */
export function throttleKeys(door: 'login' | 'client', name: string, address: string): { named: ThrottleKey; address: ThrottleKey } {
  return {
    named: { key: `${door}:${name}|${address}`, limit: FAILURES_PER_NAME_AND_ADDRESS, windowMs: THROTTLE_WINDOW_MS },
    address: { key: `${door}:*|${address}`, limit: FAILURES_PER_ADDRESS, windowMs: THROTTLE_WINDOW_MS },
  };
}

/**
 * Counts failed sign-ins on the shared RateLimiter (in the gateway's database, so every replica
 * sees the same counts and a restart forgets nothing). A blocked attempt is refused before the
 * password is even checked.
 */
@Injectable()
export class LoginThrottle {
  constructor(private readonly limiter: RateLimiter) {}

  /** Throws TOO_MANY_REQUESTS when any key has reached its limit within the window. */
  assertAllowed(keys: ThrottleKey[]): Promise<void> {
    return this.limiter.assertAllowed(keys);
  }

  /** Counts one failure against every key, and forgets failures older than the window. */
  recordFailure(keys: ThrottleKey[]): Promise<void> {
    return this.limiter.record(keys);
  }

  /** A successful sign-in clears its own name + address counter (not the address-wide one). */
  clear(key: ThrottleKey): Promise<void> {
    return this.limiter.clear(key.key);
  }
}
