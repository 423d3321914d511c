/** What the auth module needs from the gateway's config. */
export interface AuthOptions {
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlHours: number;
  /** Production refuses the demo identities' passwords and secrets. */
  production: boolean;
  /** Milliseconds since the epoch; tests move time. */
  now?: () => number;
}

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

export const nowMs = (o: Pick<AuthOptions, 'now'>): number => (o.now ? o.now() : Date.now());
