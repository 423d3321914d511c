import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@yikouban/messaging';
import type { JsonLogger } from '@yikouban/observability';
import { HealthModule } from '@yikouban/service-kit';
import type { GatewayConfig } from './config/gateway.config';
import { GatewayGraphqlModule } from './graphql/graphql.module';
import { GATEWAY_SCHEMA_FILE } from './graphql/schema-file';
import { GrievanceModule } from './grievance/grievance.module';
import { RpcModule } from './rpc/rpc.module';

@Module({})
export class AppModule {
  static forRoot(config: GatewayConfig, logger: JsonLogger): DynamicModule {
    const production = config.nodeEnv === 'production';
    return {
      module: AppModule,
      imports: [
        // No database and no outbox: the gateway only asks; the connection serves the readiness check.
        MessagingModule.forService({ service: 'gateway', natsUrl: config.natsUrl, namespace: config.namespace, logger, outbox: false }),
        RpcModule.forRoot({ natsUrl: config.natsUrl, namespace: config.namespace, timeoutMs: config.rpcTimeoutMs }),
        HealthModule.register(),
        GatewayGraphqlModule.forRoot({ production, logger, schemaFile: production ? undefined : GATEWAY_SCHEMA_FILE }),
        GrievanceModule,
      ],
    };
  }
}
