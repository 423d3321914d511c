import { HttpException, type ExecutionContext } from '@nestjs/common';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory, TypeMetadataStorage } from '@nestjs/graphql';
import { Test } from '@nestjs/testing';
import type { GraphQLObjectType, GraphQLSchema } from 'graphql';
import { loadConfig } from '@yikouban/config';
import { JsonLogger } from '@yikouban/observability';
import { AppModule } from '../app.module';
import { GatewayConfig } from '../config/gateway.config';
import { accessRuleOf, type AccessRule } from './access-rule';
import { AuthGuard } from './auth.guard';
import { PII_ROLES, ROLES, type Principal, type Role } from './roles';
import { classesOfModuleGraph, type AnyClass } from './testing/resolver-classes';
import { testAccessTokenAuthenticator, TestTokenService } from './testing/test-access';

/**
 * The authorisation matrix: every caller (anonymous / citizen, each staff role, an API client)
 * against every Query, Mutation and Subscription field of the schema AppModule builds — so a
 * field another module adds is covered the moment it is wired in. The global guard must allow
 * exactly the roles the field's @Allow lists (anyone for @Public) and refuse the rest:
 * UNAUTHENTICATED without a token, FORBIDDEN with one. A hand-written table then pins the
 * fields where a wrong @Allow would do real harm.
 */

type Caller = Role | 'anonymous';
/** Citizens hold a tracking code and secret, never an access token: to the guard they are anonymous. */
const CALLERS: readonly Caller[] = ['anonymous', ...ROLES.filter((r) => r !== 'citizen')];
type Outcome = 'allowed' | 'UNAUTHENTICATED' | 'FORBIDDEN';
const OPERATIONS = ['Query', 'Mutation', 'Subscription'] as const;
type Operation = (typeof OPERATIONS)[number];

interface Field {
  name: string;
  operation: Operation;
  cls: AnyClass;
  handler: (...args: unknown[]) => unknown;
  rule: AccessRule | undefined;
}

const tokens = new TestTokenService({ jwtSecret: 'matrix-test-secret-of-at-least-thirty-two-chars', accessTokenTtlSeconds: 300, refreshTokenTtlHours: 1, production: false });
const guard = new AuthGuard(testAccessTokenAuthenticator(tokens));

function principalOf(role: Role, scopes: readonly string[]): Principal {
  return role === 'api_client'
    ? { kind: 'api_client', id: 'client-1', role, scopes: [...scopes] }
    : { kind: 'staff', id: `user-${role}`, role, orgCode: 'org_1', regionCode: '330621', scopes: [] };
}

/** The execution context Nest hands the guard for one GraphQL field: over HTTP, or a graphql-ws operation for a subscription. */
function contextFor(field: Field, authorization: string | undefined): ExecutionContext {
  const carrier = authorization ? { authorization } : {};
  const gqlContext = field.operation === 'Subscription' ? { req: { connectionParams: carrier } } : { req: { headers: carrier } };
  const args = [undefined, {}, gqlContext, { fieldName: field.name }];
  return {
    getType: () => 'graphql',
    getHandler: () => field.handler,
    getClass: () => field.cls,
    getArgs: () => args,
    getArgByIndex: (i: number) => args[i],
  } as unknown as ExecutionContext;
}

async function outcome(field: Field, caller: Caller, scopes?: readonly string[]): Promise<Outcome> {
  const rule = field.rule;
  const token = caller === 'anonymous' ? undefined : tokens.issue(principalOf(caller, scopes ?? (rule?.kind === 'allow' ? rule.scopes : []))).accessToken;
  try {
    return (await guard.canActivate(contextFor(field, token && `Bearer ${token}`))) ? 'allowed' : 'FORBIDDEN';
  } catch (err) {
    if (err instanceof HttpException && err.getStatus() === 401) return 'UNAUTHENTICATED';
    if (err instanceof HttpException && err.getStatus() === 403) return 'FORBIDDEN';
    throw err;
  }
}

/** What the declared rule says a caller should get. */
function expected(rule: AccessRule | undefined, caller: Caller): Outcome {
  if (rule?.kind === 'public') return 'allowed';
  if (caller === 'anonymous') return 'UNAUTHENTICATED';
  return rule?.roles.includes(caller) ? 'allowed' : 'FORBIDDEN';
}

async function allowedCallers(field: Field): Promise<Caller[]> {
  const outcomes = await Promise.all(CALLERS.map((c) => outcome(field, c)));
  return CALLERS.filter((_, i) => outcomes[i] === 'allowed');
}

describe('authorisation matrix: every caller × every operation of the built schema', () => {
  let schema: GraphQLSchema;
  let fields: Field[];
  const unmatched: string[] = [];

  beforeAll(async () => {
    const config = loadConfig(GatewayConfig, { NODE_ENV: 'test' });
    const served = await classesOfModuleGraph(AppModule.forRoot(config, new JsonLogger('gateway', 'error', () => undefined)));
    const resolvers = [...served].filter((c) => Reflect.hasMetadata('graphql:resolver_type', c));
    const moduleRef = await Test.createTestingModule({ imports: [GraphQLSchemaBuilderModule] }).compile();
    schema = await moduleRef.get(GraphQLSchemaFactory).create(resolvers);
    const metadata: Record<Operation, ReturnType<typeof TypeMetadataStorage.getQueriesMetadata>> = {
      Query: TypeMetadataStorage.getQueriesMetadata(),
      Mutation: TypeMetadataStorage.getMutationsMetadata(),
      Subscription: TypeMetadataStorage.getSubscriptionsMetadata(),
    };
    fields = [];
    for (const operation of OPERATIONS) {
      const type = schema.getType(operation) as GraphQLObjectType | undefined;
      for (const name of Object.keys(type?.getFields() ?? {})) {
        const owners = metadata[operation].filter((m) => m.schemaName === name && served.has(m.target as AnyClass));
        if (owners.length !== 1) {
          unmatched.push(`${operation}.${name} (${owners.length} resolver methods)`);
          continue;
        }
        const cls = owners[0].target as AnyClass;
        const handler = (cls.prototype as Record<string, (...args: unknown[]) => unknown>)[owners[0].methodName];
        fields.push({ name, operation, cls, handler, rule: accessRuleOf(handler, cls) });
      }
    }
  });

  it('reads every root field of the schema and ties each to its one resolver method', () => {
    expect(unmatched).toEqual([]);
    expect(fields.length).toBe(OPERATIONS.reduce((n, op) => n + Object.keys((schema.getType(op) as GraphQLObjectType | undefined)?.getFields() ?? {}).length, 0));
    const names = fields.map((f) => `${f.operation}.${f.name}`);
    // Fields of several modules and all three operation kinds: an empty or partial scan cannot pass.
    expect(names).toEqual(expect.arrayContaining(['Query.grievance', 'Query.me', 'Mutation.login', 'Subscription.grievanceReceived', 'Subscription.assignmentChanged']));
  });

  it('gives every caller exactly what the field declares: allowed, FORBIDDEN when signed in, UNAUTHENTICATED when not', async () => {
    const wrong: string[] = [];
    for (const field of fields) {
      for (const caller of CALLERS) {
        const got = await outcome(field, caller);
        const want = expected(field.rule, caller);
        if (got !== want) wrong.push(`${field.operation}.${field.name} as ${caller}: ${got}, declared ${want}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('declares a rule on every field, and refuses an anonymous caller everywhere but on @Public fields', async () => {
    expect(fields.filter((f) => !f.rule).map((f) => f.name)).toEqual([]);
    const anonymous = await Promise.all(fields.map((f) => outcome(f, 'anonymous')));
    const open = fields.filter((_, i) => anonymous[i] === 'allowed').map((f) => f.name);
    expect(open.sort()).toEqual(fields.filter((f) => f.rule?.kind === 'public').map((f) => f.name).sort());
  });

  it('refuses an API client without the scopes a field requires', async () => {
    const scoped = fields.filter((f) => f.rule?.kind === 'allow' && f.rule.roles.includes('api_client') && f.rule.scopes.length > 0);
    expect(scoped.length).toBeGreaterThan(0);
    for (const field of scoped) expect([field.name, await outcome(field, 'api_client', [])]).toEqual([field.name, 'FORBIDDEN']);
  });

  // The fields where a wrong @Allow leaks personal information or lets the wrong person change the rules.
  const CRITICAL: Record<string, readonly Caller[] | 'anyone'> = {
    // 个人信息: only the roles that need the petitioner's identity (PII_ROLES), every read audited.
    revealPetitioner: ['reception_clerk', 'command_operator', 'leader'],
    revealReceptionRecord: ['reception_clerk', 'command_operator', 'leader'],
    // The rules every grievance is routed by: administrators only.
    publishClassificationList: ['administrator'],
    publishRoutingRules: ['administrator'],
    classificationList: ['administrator'],
    routingRules: ['administrator'],
    // Who may sign in, and the directory work is routed over: administrators only.
    createUser: ['administrator'],
    disableUser: ['administrator'],
    resetUserPassword: ['administrator'],
    createApiClient: ['administrator'],
    deactivateOrganisation: ['administrator'],
    // Live boards: the window, the command centre, oversight and leaders; units their own assignments.
    grievanceReceived: ['reception_clerk', 'command_operator', 'supervisor', 'leader'],
    assignmentChanged: ['command_operator', 'unit_staff', 'supervisor', 'leader'],
    // Sign-in must be reachable without a token.
    login: 'anyone',
    clientToken: 'anyone',
  };

  it.each(Object.entries(CRITICAL))('pins %s to the roles it must allow', async (name, callers) => {
    const field = fields.find((f) => f.name === name);
    expect(field).toBeDefined();
    expect((await allowedCallers(field!)).sort()).toEqual((callers === 'anyone' ? [...CALLERS] : [...callers]).sort());
  });

  it('lets only PII roles reveal anything, and only administrators run an administration operation', async () => {
    const reveal = fields.filter((f) => /^reveal/i.test(f.name));
    expect(reveal.length).toBeGreaterThan(0);
    for (const f of reveal) expect((await allowedCallers(f)).every((c) => (PII_ROLES as readonly string[]).includes(c))).toBe(true);
    const admin = fields.filter((f) => /administration|admin/i.test(f.cls.name));
    expect(admin.length).toBeGreaterThan(0);
    for (const f of admin) expect([f.name, await allowedCallers(f)]).toEqual([f.name, ['administrator']]);
  });
});
