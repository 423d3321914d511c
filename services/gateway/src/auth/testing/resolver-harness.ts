import { Global, Module, type DynamicModule, type INestApplication, type Provider, type Type } from '@nestjs/common';
import { getApolloServer } from '@nestjs/apollo';
import { Test } from '@nestjs/testing';
import { RpcClient } from '@yikouban/messaging';
import { JsonLogger } from '@yikouban/observability';
import { strictValidationPipe } from '@yikouban/service-kit';
import { GatewayGraphqlModule } from '../../graphql/graphql.module';
import { FakeRpcClient } from '../../rpc/testing/fake-rpc-client';
import type { Principal, Role } from '../roles';
import { testAuthProviders, TestTokenService } from './test-access';

/** A GraphQL answer as a resolver spec reads it. */
export interface GqlAnswer<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** The first error's code, or undefined. */
export const codeOf = (a: GqlAnswer) => a.errors?.[0]?.extensions?.code;

export interface ResolverHarnessOptions {
  /** Extra providers next to the modules under test (resolvers without a module, fakes they inject). */
  providers?: Provider[];
  /**
   * Who a role signs in as: the fields given here (or by the function, per role) replace the defaults
   * `{ kind: 'staff', id: 'u-<role>', role, regionCode: '330621', scopes: [] }`.
   */
  principal?: Partial<Principal> | ((role: Role) => Partial<Principal>);
  /** false: no TokenService and no AuthGuard; call `execute` with the context the guard would leave. */
  auth?: boolean;
  /** The gateway's logger (default: errors only, written nowhere). */
  logger?: JsonLogger;
}

export interface ResolverHarness {
  /** Answers per subject and records every call; cleared before each test. */
  rpc: FakeRpcClient;
  /** Builds the app; call in beforeAll. */
  start(): Promise<void>;
  /** Signs in as a role (or an exact principal; null for nobody) and runs the operation through the guard. */
  as<T = Record<string, unknown>>(who: Role | Principal | null, query: string, variables?: Record<string, unknown>): Promise<GqlAnswer<T>>;
  /** Runs the operation with a context of the caller's making. */
  execute<T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, contextValue: object): Promise<GqlAnswer<T>>;
  /** The principal a role signs in as. */
  principal(role: Role): Principal;
  close(): Promise<void>;
}

const SECRET = 'resolver-harness-secret-with-32-characters';

/**
 * The gateway's GraphQL with the given modules, a FakeRpcClient in place of the RpcClient, the strict
 * validation pipe and (unless `auth: false`) the AuthGuard with a test TokenService: what every
 * resolver spec needs to ask as a role and check the guard, validation and error shaping.
 */
export function resolverHarness(modules: (Type<unknown> | DynamicModule)[], options: ResolverHarnessOptions = {}): ResolverHarness {
  const rpc = new FakeRpcClient();
  const tokens = new TestTokenService({ jwtSecret: SECRET, accessTokenTtlSeconds: 900, refreshTokenTtlHours: 12, production: false });
  let app: INestApplication | undefined;
  let apollo: ReturnType<typeof getApolloServer> | undefined;

  @Global()
  @Module({ providers: [{ provide: RpcClient, useValue: rpc.asClient() }], exports: [RpcClient] })
  class FakeRpcModule {}

  const principal = (role: Role): Principal => {
    const over = typeof options.principal === 'function' ? options.principal(role) : options.principal;
    return { kind: 'staff', id: `u-${role}`, role, regionCode: '330621', scopes: [], ...over };
  };

  async function execute<T>(query: string, variables: Record<string, unknown>, contextValue: object): Promise<GqlAnswer<T>> {
    if (!apollo) throw new Error('resolverHarness: call start() in beforeAll');
    const res = await apollo.executeOperation({ query, variables }, { contextValue });
    if (res.body.kind !== 'single') throw new Error('expected a single result');
    return res.body.singleResult as GqlAnswer<T>;
  }

  return {
    rpc,
    principal,
    execute,
    async start() {
      const auth = options.auth !== false;
      const logger = options.logger ?? new JsonLogger('gateway', 'error', () => undefined);
      const moduleRef = await Test.createTestingModule({
        imports: [FakeRpcModule, GatewayGraphqlModule.forRoot({ production: false, logger }), ...modules],
        providers: [
          ...(options.providers ?? []),
          ...(auth ? testAuthProviders(tokens) : []),
        ],
      }).compile();
      app = moduleRef.createNestApplication({ logger: false });
      app.useGlobalPipes(strictValidationPipe());
      await app.init();
      apollo = getApolloServer(app);
    },
    as<T>(who: Role | Principal | null, query: string, variables: Record<string, unknown> = {}) {
      const p = typeof who === 'string' ? principal(who) : who;
      const headers = p ? { authorization: `Bearer ${tokens.issue(p).accessToken}` } : {};
      return execute<T>(query, variables, { req: { headers } });
    },
    async close() {
      await app?.close();
    },
  };
}
