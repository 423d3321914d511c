import { Expose, Type } from 'class-transformer';
import { IsInt, IsString, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { DataServiceConfig } from '@yikouban/config';
import { portField } from '@yikouban/service-kit';

/**
 * Signs tokens only outside production (development, tests, the demo): production refuses to
 * start without GATEWAY_JWT_SECRET, so no deployment ever runs on this guessable value.
 */
export const DEV_JWT_SECRET = 'yikouban-development-only-jwt-secret-not-for-production';

/** The gateway's environment: its own database (users, roles, API clients), NATS for everything it shows. */
export class GatewayConfig extends DataServiceConfig {
  @portField('GATEWAY_PORT')
  port = 3000;

  /**
   * Signs and verifies access tokens. Optional while developing; production refuses to start
   * without one, so no deployment ever runs on a guessable default.
   */
  @Expose({ name: 'GATEWAY_JWT_SECRET' })
  @ValidateIf((c: GatewayConfig) => c.nodeEnv === 'production' || c.jwtSecret !== undefined)
  @MinLength(32, { message: 'GATEWAY_JWT_SECRET must be at least 32 characters (required in production)' })
  jwtSecret?: string;

  /** How long an access token lives (seconds): short, so a copied one is soon useless (revoking its holder or ending its sign-in refuses it at once). */
  @Expose({ name: 'GATEWAY_ACCESS_TOKEN_TTL_S' })
  @Type(() => Number)
  @IsInt()
  @Min(30)
  @Max(3600)
  accessTokenTtlSeconds = 900;

  /**
   * How often (seconds) an open live connection re-checks that its token's holder is still in
   * good standing (user active, signed in, same role and place; API client active): the most a
   * revoked socket keeps streaming. One query per tick for all of the process's sockets.
   */
  @Expose({ name: 'GATEWAY_LIVE_ACCESS_CHECK_S' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(900)
  liveAccessCheckSeconds = 30;

  /** How long a refresh token lives unused (hours); every use replaces it with a new one. */
  @Expose({ name: 'GATEWAY_REFRESH_TOKEN_TTL_H' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  refreshTokenTtlHours = 12;

  /** How long a query to another service may take before the gateway answers SERVICE_UNAVAILABLE. */
  @Expose({ name: 'GATEWAY_RPC_TIMEOUT_MS' })
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(60_000)
  rpcTimeoutMs = 5000;

  /** How deeply one GraphQL operation may nest fields (QUERY_TOO_DEEP beyond). */
  @Expose({ name: 'GATEWAY_MAX_DEPTH' })
  @Type(() => Number)
  @IsInt()
  @Min(2)
  @Max(50)
  maxQueryDepth = 10;

  /** What one GraphQL operation may cost: one per field, children × page size (QUERY_TOO_COSTLY beyond). */
  @Expose({ name: 'GATEWAY_MAX_COST' })
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(1_000_000)
  maxQueryCost = 5000;

  /** How many aliases one GraphQL operation may use (TOO_MANY_ALIASES beyond): aliases batch calls. */
  @Expose({ name: 'GATEWAY_MAX_ALIASES' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1000)
  maxQueryAliases = 15;

  /** Calls per minute and client address of the public operations (submit, track, withdraw…); TOO_MANY_REQUESTS beyond. */
  @Expose({ name: 'GATEWAY_PUBLIC_REQUESTS_PER_MINUTE' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  publicRequestsPerMinute = 30;

  /** The built web UI the gateway serves at `/` (relative to the working directory). */
  @Expose({ name: 'GATEWAY_WEB_DIR' })
  @IsString()
  @MinLength(1)
  webDir = 'dist/web';

  get effectiveJwtSecret(): string {
    return this.jwtSecret ?? DEV_JWT_SECRET;
  }
}
