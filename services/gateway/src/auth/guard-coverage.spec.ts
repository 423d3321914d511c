import { join } from 'node:path';
import { Controller, Get } from '@nestjs/common';
import { Mutation, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { loadConfig } from '@yikouban/config';
import { JsonLogger } from '@yikouban/observability';
import { AppModule } from '../app.module';
import { GatewayConfig } from '../config/gateway.config';
import { accessRuleOf, hasConflictingRules } from './access-rule';
import { Allow, Public } from './allow.decorator';
import { classesOfFiles, classesOfModuleGraph, type AnyClass } from './testing/resolver-classes';

/**
 * Deny by default, enforced at build time: every GraphQL operation and field resolver and every
 * HTTP route the gateway serves — found by walking AppModule's module graph, and by loading every
 * *.resolver(s).ts / *.controller.ts file, wired in yet or not — must carry @Allow or @Public
 * (on the method or its class). A resolver added without one fails here.
 */

// Metadata keys of @nestjs/graphql (graphql.constants) and @nestjs/common (constants); not exported by their entry points.
const RESOLVER_CLASS = 'graphql:resolver_type';
const RESOLVER_TYPE = 'graphql:resolver_type';
const RESOLVE_FIELD = 'graphql:resolve_property';
const RESOLVE_REFERENCE = 'graphql:resolve_reference';
const CONTROLLER = '__controller__';
const ROUTE_METHOD = 'method';
const MESSAGE_PATTERN = 'microservices:pattern';
const OPERATION_TYPES = ['Query', 'Mutation', 'Subscription'];

interface Endpoint {
  name: string;
  problem?: string;
}

/** The methods a resolver or controller class exposes, each with what is wrong with its guard, if anything. */
function endpointsOf(cls: AnyClass): Endpoint[] {
  const isResolver = Reflect.hasMetadata(RESOLVER_CLASS, cls);
  const isController = Reflect.getMetadata(CONTROLLER, cls) === true;
  if (!isResolver && !isController) return [];
  const names = new Set<string>();
  for (let proto = cls.prototype as object | null; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    for (const n of Object.getOwnPropertyNames(proto)) if (n !== 'constructor') names.add(n);
  }
  const endpoints: Endpoint[] = [];
  for (const n of names) {
    const method = Object.getOwnPropertyDescriptor(cls.prototype, n)?.value ?? (cls.prototype as Record<string, unknown>)[n];
    if (typeof method !== 'function') continue;
    const exposed =
      OPERATION_TYPES.includes(Reflect.getMetadata(RESOLVER_TYPE, method) as string) ||
      Reflect.getMetadata(RESOLVE_FIELD, method) === true ||
      Reflect.getMetadata(RESOLVE_REFERENCE, method) === true ||
      Reflect.getMetadata(ROUTE_METHOD, method) !== undefined ||
      Reflect.getMetadata(MESSAGE_PATTERN, method) !== undefined;
    if (!exposed) continue;
    const name = `${cls.name}.${n}`;
    if (hasConflictingRules(method) || hasConflictingRules(cls)) endpoints.push({ name, problem: 'has both @Public and @Allow' });
    else if (!accessRuleOf(method, cls)) endpoints.push({ name, problem: 'has neither @Allow nor @Public' });
    else endpoints.push({ name });
  }
  return endpoints;
}

const problemsOf = (classes: Iterable<AnyClass>): string[] =>
  [...classes].flatMap(endpointsOf).filter((e) => e.problem).map((e) => `${e.name} ${e.problem}`);

describe('guard coverage: nothing in the gateway is reachable without a declared rule', () => {
  const config = loadConfig(GatewayConfig, { NODE_ENV: 'test' });
  const logger = new JsonLogger('gateway', 'error', () => undefined);
  let served: AnyClass[];

  beforeAll(async () => {
    served = [...(await classesOfModuleGraph(AppModule.forRoot(config, logger)))];
  });

  it('finds the operations it must (so an empty scan cannot pass)', () => {
    const names = [...served, ...classesOfFiles(join(__dirname, '..'))].flatMap(endpointsOf).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['GrievanceResolver.grievance', 'AuthResolver.login', 'AuthResolver.me', 'HealthController.ready', 'HealthController.live']));
  });

  it('every operation, field and route served by AppModule carries @Allow or @Public', () => {
    expect(problemsOf(served)).toEqual([]);
  });

  it('so does every resolver and controller file, wired into AppModule yet or not', () => {
    expect(problemsOf(classesOfFiles(join(__dirname, '..')))).toEqual([]);
  });

  it('would catch an unguarded query, mutation, subscription, field and route, and a double rule', () => {
    @Resolver()
    class Leaky {
      @Query(() => String) leakQuery(): string {
        return '';
      }
      @Mutation(() => String) leakMutation(): string {
        return '';
      }
      @Subscription(() => String) leakSubscription(): string {
        return '';
      }
      @ResolveField(() => String) leakField(): string {
        return '';
      }
      @Allow('court') @Query(() => String) guarded(): string {
        return '';
      }
      @Public() @Allow('court') @Query(() => String) confused(): string {
        return '';
      }
      helper(): string {
        return 'not exposed';
      }
    }
    @Controller('leak')
    class LeakyController {
      @Get() open(): string {
        return '';
      }
    }
    expect(problemsOf([Leaky, LeakyController]).sort()).toEqual([
      'Leaky.confused has both @Public and @Allow',
      'Leaky.leakField has neither @Allow nor @Public',
      'Leaky.leakMutation has neither @Allow nor @Public',
      'Leaky.leakQuery has neither @Allow nor @Public',
      'Leaky.leakSubscription has neither @Allow nor @Public',
      'LeakyController.open has neither @Allow nor @Public',
    ]);
  });

  it('accepts a class-level rule for every method of the class', () => {
    @Allow('command_operator')
    @Resolver()
    class Board {
      @Query(() => String) counts(): string {
        return '';
      }
    }
    expect(problemsOf([Board])).toEqual([]);
  });
});
