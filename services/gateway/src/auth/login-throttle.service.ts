import { Injectable } from '@nestjs/common';
import { RateLimiter, type Admission, type RateLimit } from './rate-limiter';

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

/** One sign-in attempt as counted: its keys and the hits it took. */
export interface SignInAttempt {
  keys: { named: ThrottleKey; address: ThrottleKey };
  admission: Admission;
}

/**
 * Counts failed sign-ins on the shared RateLimiter (in the gateway's database, so every replica
 * sees the same counts and a restart forgets nothing). An attempt is counted before its password
 * is checked — refused at once when a counter is full — and handed back if it succeeds, so
 * guesses racing each other cannot slip past the limit while their passwords are being checked.
 */
@Injectable()
export class LoginThrottle {
  constructor(private readonly limiter: RateLimiter) {}

  /** Counts this attempt against both keys; TOO_MANY_REQUESTS when either has reached its limit within the window. */
  async begin(keys: { named: ThrottleKey; address: ThrottleKey }): Promise<SignInAttempt> {
    return { keys, admission: await this.limiter.take([keys.named, keys.address]) };
  }

  /**
   * A successful sign-in counts as no failure: it clears its own name + address counter, and
   * takes back its own hit on the address-wide one (other failures there still count).
   */
  async succeeded(attempt: SignInAttempt): Promise<void> {
    await this.limiter.clear(attempt.keys.named.key);
    await this.limiter.giveBack(attempt.admission, [attempt.keys.address.key]);
  }
}
