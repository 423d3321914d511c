import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Inject, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import type { JsonLogger } from '@yikouban/observability';
import { createFormatError } from './format-error';
import { writeSchemaFileIfChanged } from './schema-file';

export interface GatewayGraphqlOptions {
  production: boolean;
  logger: JsonLogger;
  /** Where to write the SDL at boot; left out in production and in tests that must not touch the tree. */
  schemaFile?: string;
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

/** Apollo, code-first, at /graphql. GraphiQL and introspection only outside production. */
@Module({})
export class GatewayGraphqlModule {
  static forRoot(options: GatewayGraphqlOptions): DynamicModule {
    const graphql = GraphQLModule.forRoot<ApolloDriverConfig>({
      driver: ApolloDriver,
      path: '/graphql',
      // Built in memory; SchemaFileWriter writes the committed copy atomically.
      autoSchemaFile: true,
      sortSchema: true,
      graphiql: !options.production,
      introspection: !options.production,
      includeStacktraceInErrorResponses: false,
      // Our formatError maps HTTP exceptions (the validation pipe's) itself, with their fields.
      autoTransformHttpErrors: false,
      formatError: createFormatError(options.logger),
      // Deny by default reaches fields too: @ResolveField methods run the global auth guard.
      fieldResolverEnhancers: ['guards'],
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
