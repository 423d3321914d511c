import { Expose, Type } from 'class-transformer';
import { IsInt, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { BaseServiceConfig } from '@yikouban/config';
import { portField } from '@yikouban/service-kit';

/** The gateway's environment: no database, NATS for everything it shows. */
export class GatewayConfig extends BaseServiceConfig {
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

  /** How long a query to another service may take before the gateway answers SERVICE_UNAVAILABLE. */
  @Expose({ name: 'GATEWAY_RPC_TIMEOUT_MS' })
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(60_000)
  rpcTimeoutMs = 5000;
}
