import { SetMetadata } from '@nestjs/common';

export const RATE_LIMIT_KEY = 'ykb:rate-limit';

/** The kinds of rate limit an operation may declare. `public`: anonymous operations, per client address. */
export const RATE_LIMIT_BUCKETS = ['public'] as const;
export type RateLimitBucket = (typeof RATE_LIMIT_BUCKETS)[number];

/**
 * Counts every call of an operation against its bucket's limit (RateLimitGuard), refusing with
 * TOO_MANY_REQUESTS and `retryAfterSeconds` beyond it. Every @Public GraphQL operation carries one
 * except the sign-in ones (login, refresh, clientToken), which LoginThrottle counts by failure; a
 * test fails the build otherwise.
 */
export const RateLimited = (bucket: RateLimitBucket) => SetMetadata(RATE_LIMIT_KEY, bucket);

/** The bucket a method (or its class) declares; the method's own wins. */
export function rateLimitOf(handler: object, cls: object): RateLimitBucket | undefined {
  return (Reflect.getMetadata(RATE_LIMIT_KEY, handler) ?? Reflect.getMetadata(RATE_LIMIT_KEY, cls)) as RateLimitBucket | undefined;
}
