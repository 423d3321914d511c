import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessagingModule } from '@yikouban/messaging';
import type { JsonLogger } from '@yikouban/observability';
import { HealthModule } from '@yikouban/service-kit';
import { AdminModule } from './admin/admin.module';
import { AuthModule } from './auth/auth.module';
import { BulletinModule } from './bulletin/bulletin.module';
import { CategoryModule } from './category/category.module';
import type { GatewayConfig } from './config/gateway.config';
import { gatewayDataSourceOptions } from './database/data-source';
import { GatewayGraphqlModule } from './graphql/graphql.module';
import { GATEWAY_SCHEMA_FILE } from './graphql/schema-file';
import { GrievanceModule } from './grievance/grievance.module';
import { IntakeModule } from './intake/intake.module';
import { LiveModule } from './live/live.module';
import { MediationModule } from './mediation/mediation.module';
import { ReceptionModule } from './reception/reception.module';
import { RpcModule } from './rpc/rpc.module';
import { SupervisionModule } from './supervision/supervision.module';
import { OversightModule } from './oversight/oversight.module';
import { SupervisionAdminModule } from './supervision-admin/supervision-admin.module';
import { StaffDirectoryModule } from './staff-directory/staff-directory.module';
import { WebUiModule } from './web-ui/web-ui.module';
import { WorkbenchModule } from './workbench/workbench.module';

@Module({})
export class AppModule {
  static forRoot(config: GatewayConfig, logger: JsonLogger): DynamicModule {
    const production = config.nodeEnv === 'production';
    return {
      module: AppModule,
      imports: [
        // Its own schema for users, roles and API clients; migrations ran before the app was built (main.ts).
        TypeOrmModule.forRoot({ ...gatewayDataSourceOptions(config.databaseUrl), migrationsRun: false }),
        // No outbox: the gateway publishes no facts, it only asks; the connection serves the readiness check.
        MessagingModule.forService({ service: 'gateway', natsUrl: config.natsUrl, namespace: config.namespace, logger, outbox: false }),
        RpcModule.forRoot({ natsUrl: config.natsUrl, namespace: config.namespace, timeoutMs: config.rpcTimeoutMs }),
        HealthModule.register(),
        // Sign-in, tokens, and the global deny-by-default guard over every resolver and route.
        AuthModule.register({
          jwtSecret: config.effectiveJwtSecret,
          accessTokenTtlSeconds: config.accessTokenTtlSeconds,
          refreshTokenTtlHours: config.refreshTokenTtlHours,
          publicRequestsPerMinute: config.publicRequestsPerMinute,
          production,
        }),
        // Only a development gateway rewrites the committed SDL; tests compare it instead (drift check).
        GatewayGraphqlModule.forRoot({
          production,
          logger,
          schemaFile: config.nodeEnv === 'development' ? GATEWAY_SCHEMA_FILE : undefined,
          limits: { maxDepth: config.maxQueryDepth, maxCost: config.maxQueryCost, maxAliases: config.maxQueryAliases },
          liveAccessCheckMs: config.liveAccessCheckSeconds * 1000,
        }),
        GrievanceModule,
        CategoryModule,
        IntakeModule,
        WorkbenchModule,
        // Subscriptions for the live boards (graphql-ws), fed from NATS.
        LiveModule,
        MediationModule,
        SupervisionModule,
        ReceptionModule,
        OversightModule,
        SupervisionAdminModule,
        StaffDirectoryModule,
        BulletinModule,
        AdminModule,
        // The web UI at `/` (dist/web); never in front of /graphql or /health.
        WebUiModule.register({ dir: config.webDir }),
      ],
    };
  }
}
