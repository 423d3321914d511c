import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HealthController } from '@yikouban/service-kit';
import { AuditLogService } from '../identity/audit-log.service';
import { IDENTITY_ENTITIES } from '../identity/entities';
import { ACCESS_REVOCATIONS, PgAccessRevocations } from './access-revocations';
import { AccessTokenAuthenticator } from './access-token-authenticator';
import { Public } from './allow.decorator';
import { AuthGuard } from './auth.guard';
import { AUTH_OPTIONS, type AuthOptions } from './auth.options';
import { AuthResolver } from './auth.resolver';
import { ClientCredentialsService } from './client-credentials.service';
import { ConnectionAuthenticator } from './connection-authenticator';
import { LoginThrottle } from './login-throttle.service';
import { RateLimitGuard } from './rate-limit.guard';
import { PgRateLimitLedger, RATE_LIMIT_LEDGER, RateLimiter } from './rate-limiter';
import { RefreshTokenService } from './refresh-token.service';
import { PgRefreshTokenStore, REFRESH_TOKEN_STORE } from './refresh-token.store';
import { SessionService } from './session.service';
import { TokenService } from './token.service';

// Load balancers and orchestrators probe /health without credentials; the shared controller
// lives in service-kit, which cannot know the gateway's decorators, so it is opened here.
Public()(HealthController);

/**
 * Identity and authorisation: sign-in, tokens, API clients, the audit log, and the global
 * deny-by-default guard. Global, so feature modules can inject AuditLogService and TokenService.
 * Needs TypeOrmModule.forRoot with the gateway's data source.
 */
@Module({})
export class AuthModule {
  static register(options: AuthOptions): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: [TypeOrmModule.forFeature(IDENTITY_ENTITIES)],
      providers: [
        { provide: AUTH_OPTIONS, useValue: options },
        TokenService,
        { provide: ACCESS_REVOCATIONS, useClass: PgAccessRevocations },
        AccessTokenAuthenticator,
        { provide: REFRESH_TOKEN_STORE, useClass: PgRefreshTokenStore },
        RefreshTokenService,
        { provide: RATE_LIMIT_LEDGER, useClass: PgRateLimitLedger },
        RateLimiter,
        LoginThrottle,
        AuditLogService,
        SessionService,
        ClientCredentialsService,
        AuthResolver,
        ConnectionAuthenticator,
        { provide: APP_GUARD, useClass: AuthGuard },
        // After the auth guard (global guards run in this order): @RateLimited operations count each call.
        { provide: APP_GUARD, useClass: RateLimitGuard },
      ],
      exports: [TokenService, AuditLogService, ConnectionAuthenticator],
    };
  }
}
