import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { AuthMessages } from './auth.errors';
import { AUTH_OPTIONS, DEFAULT_PUBLIC_REQUESTS_PER_MINUTE, type AuthOptions } from './auth.options';
import { rateLimitOf, type RateLimitBucket } from './rate-limited.decorator';
import { RateLimiter, type RateLimit } from './rate-limiter';
import { clientAddressOf, principalHolderOf } from './request-credentials';

export const PUBLIC_WINDOW_MS = 60_000;

/** The counter one call of a @RateLimited('public') operation is checked against: its client address, per minute. */
export function publicLimit(address: string, perMinute: number): RateLimit {
  return { key: `public:${address}`, limit: perMinute, windowMs: PUBLIC_WINDOW_MS };
}

/**
 * Global guard (after AuthGuard): an operation marked @RateLimited counts each call — each root
 * field, so aliases cannot slip several calls past — against its bucket, and is refused with
 * TOO_MANY_REQUESTS (retryAfterSeconds) beyond the limit. Unmarked operations and fields pass untouched.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly perMinute: number;

  constructor(
    private readonly limiter: RateLimiter,
    @Inject(AUTH_OPTIONS) options: AuthOptions,
  ) {
    this.perMinute = options.publicRequestsPerMinute ?? DEFAULT_PUBLIC_REQUESTS_PER_MINUTE;
  }

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const bucket = rateLimitOf(context.getHandler(), context.getClass());
    if (!bucket) return true;
    return this.limiter.take([this.limitOf(bucket, clientAddressOf(principalHolderOf(context)))], AuthMessages.tooManyRequests).then(() => true);
  }

  private limitOf(bucket: RateLimitBucket, address: string): RateLimit {
    switch (bucket) {
      case 'public':
        return publicLimit(address, this.perMinute);
    }
  }
}
