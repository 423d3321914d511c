import { HttpException, HttpStatus, SetMetadata } from '@nestjs/common';

/** Every public limit counts calls per minute. */
export const PUBLIC_WINDOW_MS = 60_000;

/** The citizen's tracking door: guessing secrets must be slow. */
export const TRACKING_REQUESTS_PER_MINUTE = 20;

export interface PublicRateLimitOptions {
  /** Calls per minute, per endpoint and client address, unless the endpoint says otherwise (INTAKE_REQUESTS_PER_MINUTE). */
  perMinute: number;
}

export const PUBLIC_RATE_LIMIT_OPTIONS = Symbol('PUBLIC_RATE_LIMIT_OPTIONS');

export const PUBLIC_RATE_LIMIT_METADATA = 'ykb:intake:public-rate-limit';

/** A tighter (or looser) limit for one controller or handler than the service's default. */
export const PublicRateLimit = (perMinute: number): ClassDecorator & MethodDecorator => {
  if (!Number.isInteger(perMinute) || perMinute < 1) throw new Error(`PublicRateLimit: a whole number of calls per minute ≥ 1, got ${perMinute}`);
  return SetMetadata(PUBLIC_RATE_LIMIT_METADATA, perMinute);
};

export const TOO_MANY_REQUESTS_MESSAGE = '请求过于频繁，请稍后再试 (too many requests; try again later)';

/** 429, shaped by the service's error filter as RATE_LIMITED (Open311's filter as its own list); Retry-After says when. */
export class TooManyRequestsException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super(TOO_MANY_REQUESTS_MESSAGE, HttpStatus.TOO_MANY_REQUESTS);
  }
}
