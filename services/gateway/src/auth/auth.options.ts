/** What the auth module needs from the gateway's config. */
export interface AuthOptions {
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlHours: number;
  /** Production refuses the demo identities' passwords and secrets. */
  production: boolean;
  /** Calls per minute and client address of the @RateLimited('public') operations (GATEWAY_PUBLIC_REQUESTS_PER_MINUTE). */
  publicRequestsPerMinute?: number;
  /** Milliseconds since the epoch; tests move time. */
  now?: () => number;
}

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

export const DEFAULT_PUBLIC_REQUESTS_PER_MINUTE = 30;

export const nowMs = (o: Pick<AuthOptions, 'now'>): number => (o.now ? o.now() : Date.now());
