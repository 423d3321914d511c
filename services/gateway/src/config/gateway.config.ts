import { Expose, Type } from 'class-transformer';
import { IsInt, Max, Min, MinLength, ValidateIf } from 'class-validator';
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

  /** How long an access token lives (seconds): short, because it cannot be revoked. */
  @Expose({ name: 'GATEWAY_ACCESS_TOKEN_TTL_S' })
  @Type(() => Number)
  @IsInt()
  @Min(30)
  @Max(3600)
  accessTokenTtlSeconds = 900;

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

  get effectiveJwtSecret(): string {
    return this.jwtSecret ?? DEV_JWT_SECRET;
  }
}
