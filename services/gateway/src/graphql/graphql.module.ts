import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Inject, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import type { JsonLogger } from '@yikouban/observability';
import { ConnectionAuthenticator } from '../auth/connection-authenticator';
import { createFormatError } from './format-error';
import { LiveAccessRecheck } from './live-access-recheck';
import { liveTransportOptions } from './live-transport';
import { costLimitPlugin } from './cost-limit.plugin';
import { DEFAULT_QUERY_LIMITS, queryLimitRules, type QueryLimits } from './query-limits';
import { writeSchemaFileIfChanged } from './schema-file';

export interface GatewayGraphqlOptions {
  production: boolean;
  logger: JsonLogger;
  /** Where to write the SDL at boot; left out in production and in tests that must not touch the tree. */
  schemaFile?: string;
  /** Depth, cost and alias limits (GATEWAY_MAX_DEPTH, GATEWAY_MAX_COST, GATEWAY_MAX_ALIASES). */
  limits?: QueryLimits;
  /** How often open live connections re-check their token's holder (GATEWAY_LIVE_ACCESS_CHECK_S); 30 s unless given. */
  liveAccessCheckMs?: number;
}

export const DEFAULT_LIVE_ACCESS_CHECK_MS = 30_000;

/** The one LiveAccessRecheck of this process, for the live transport (and tests that watch it). */
@Module({})
class LiveAccessModule {
  static register(intervalMs: number, logger: JsonLogger): DynamicModule {
    return {
      module: LiveAccessModule,
      providers: [
        {
          provide: LiveAccessRecheck,
          // Without the auth module no live connection is admitted, so there is never anyone to ask about.
          inject: [{ token: ConnectionAuthenticator, optional: true }],
          useFactory: (authenticator?: ConnectionAuthenticator) =>
            new LiveAccessRecheck({
              check: async (holders) => (authenticator ? authenticator.revokedAmong(holders) : holders.map(() => true)),
              intervalMs,
              onError: (err) => logger.event('warn', 'live connections could not be re-checked; they stay open until the next check', { error: (err as Error)?.message }, 'GraphQL'),
            }),
        },
      ],
      exports: [LiveAccessRecheck],
    };
  }
}

const SCHEMA_FILE = Symbol('GATEWAY_SCHEMA_FILE');
const SCHEMA_LOGGER = Symbol('GATEWAY_SCHEMA_LOGGER');

@Injectable()
class SchemaFileWriter implements OnApplicationBootstrap {
  constructor(
    private readonly host: GraphQLSchemaHost,
    @Inject(SCHEMA_FILE) private readonly file: string,
    @Inject(SCHEMA_LOGGER) private readonly logger: JsonLogger,
  ) {}

  onApplicationBootstrap(): void {
    // A read-only file system must not stop a development gateway from serving.
    try {
      if (writeSchemaFileIfChanged(this.host.schema, this.file)) this.logger.event('info', 'schema file written', { file: this.file }, 'GraphQL');
    } catch (err) {
      this.logger.event('warn', 'could not write the schema file', { file: this.file, error: (err as Error).message }, 'GraphQL');
    }
  }
}

/**
 * Apollo, code-first, at /graphql, with subscriptions over graphql-ws on the same path.
 * GraphiQL and introspection only outside production; no batched HTTP requests; every
 * operation checked for depth, aliases and cost, over HTTP and WebSocket alike.
 */
@Module({})
export class GatewayGraphqlModule {
  static forRoot(options: GatewayGraphqlOptions): DynamicModule {
    const limits = options.limits ?? DEFAULT_QUERY_LIMITS;
    const formatError = createFormatError(options.logger);
    const liveAccess = LiveAccessModule.register(options.liveAccessCheckMs ?? DEFAULT_LIVE_ACCESS_CHECK_MS, options.logger);
    const graphql = GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [liveAccess],
      // Without the auth module (tests of one feature) no live connection is admitted: deny by default.
      inject: [{ token: ConnectionAuthenticator, optional: true }, LiveAccessRecheck],
      useFactory: (authenticator: ConnectionAuthenticator | undefined, recheck: LiveAccessRecheck): ApolloDriverConfig => ({
        path: '/graphql',
        // Built in memory; SchemaFileWriter writes the committed copy atomically.
        autoSchemaFile: true,
        sortSchema: true,
        graphiql: !options.production,
        introspection: !options.production,
        // Apollo's default, said out loud: an array of operations in one POST would slip past the
        // per-operation limits and the sign-in throttle's accounting.
        allowBatchedHttpRequests: false,
        includeStacktraceInErrorResponses: false,
        // Our formatError maps HTTP exceptions (the validation pipe's) itself, with their fields.
        autoTransformHttpErrors: false,
        formatError,
        validationRules: queryLimitRules(limits),
        plugins: [costLimitPlugin(limits.maxCost)],
        subscriptions: { 'graphql-ws': liveTransportOptions({ authenticator, limits, production: options.production, formatError, recheck }) },
        // Deny by default reaches fields too: @ResolveField methods run the global auth guard.
        fieldResolverEnhancers: ['guards'],
      }),
    });
    return {
      module: GatewayGraphqlModule,
      imports: [graphql],
      providers: options.schemaFile
        ? [{ provide: SCHEMA_FILE, useValue: options.schemaFile }, { provide: SCHEMA_LOGGER, useValue: options.logger }, SchemaFileWriter]
        : [],
    };
  }
}
