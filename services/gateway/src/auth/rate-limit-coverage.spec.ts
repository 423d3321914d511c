import { join } from 'node:path';
import { Mutation, Query, Resolver } from '@nestjs/graphql';
import { loadConfig } from '@yikouban/config';
import { JsonLogger } from '@yikouban/observability';
import { AppModule } from '../app.module';
import { GatewayConfig } from '../config/gateway.config';
import { accessRuleOf } from './access-rule';
import { Allow, Public } from './allow.decorator';
import { RateLimited, rateLimitOf } from './rate-limited.decorator';
import { classesOfFiles, classesOfModuleGraph, type AnyClass } from './testing/resolver-classes';

/**
 * Every @Public GraphQL operation is rate-limited per client address, except the sign-in ones
 * (LoginThrottle counts their failures instead): found the same way as guard coverage does —
 * AppModule's module graph and every resolver file — so a new public field without
 * @RateLimited('public') fails here.
 */

// @nestjs/graphql's metadata key (graphql.constants), not exported by its entry point.
const RESOLVER_TYPE = 'graphql:resolver_type';
const OPERATION_TYPES = ['Query', 'Mutation', 'Subscription'];
/** Throttled by failed attempts (auth/login-throttle.service.ts), not by calls. */
const SIGN_IN = new Set(['AuthResolver.login', 'AuthResolver.refresh', 'AuthResolver.clientToken']);

/** The @Public operations of a class, each with whether it carries a rate limit. */
function publicOperationsOf(cls: AnyClass): { name: string; limited: boolean }[] {
  if (!Reflect.hasMetadata(RESOLVER_TYPE, cls)) return [];
  const out: { name: string; limited: boolean }[] = [];
  for (let proto = cls.prototype as object | null; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    for (const n of Object.getOwnPropertyNames(proto)) {
      const method = (proto as Record<string, unknown>)[n];
      if (n === 'constructor' || typeof method !== 'function') continue;
      if (!OPERATION_TYPES.includes(Reflect.getMetadata(RESOLVER_TYPE, method) as string)) continue;
      if (accessRuleOf(method, cls)?.kind !== 'public') continue;
      out.push({ name: `${cls.name}.${n}`, limited: rateLimitOf(method, cls) === 'public' });
    }
  }
  return out;
}

const unlimited = (classes: Iterable<AnyClass>): string[] =>
  [...new Set([...classes])]
    .flatMap(publicOperationsOf)
    .filter((o) => !o.limited && !SIGN_IN.has(o.name))
    .map((o) => o.name)
    .sort();

describe('rate-limit coverage: every public operation but sign-in is limited per address', () => {
  const config = loadConfig(GatewayConfig, { NODE_ENV: 'test' });
  const logger = new JsonLogger('gateway', 'error', () => undefined);
  let classes: AnyClass[];

  beforeAll(async () => {
    classes = [...(await classesOfModuleGraph(AppModule.forRoot(config, logger))), ...classesOfFiles(join(__dirname, '..'))];
  });

  it("finds the citizen portal's operations limited and the sign-in ones exempt (so an empty scan cannot pass)", () => {
    const found = new Map([...new Set(classes)].flatMap(publicOperationsOf).map((o) => [o.name, o.limited]));
    expect(Object.fromEntries(['CitizenIntakeResolver.submitGrievance', 'CitizenIntakeResolver.trackGrievance', 'CitizenIntakeResolver.withdrawGrievance'].map((n) => [n, found.get(n)]))).toEqual({
      'CitizenIntakeResolver.submitGrievance': true,
      'CitizenIntakeResolver.trackGrievance': true,
      'CitizenIntakeResolver.withdrawGrievance': true,
    });
    expect(found.get('AuthResolver.login')).toBe(false);
  });

  it('every @Public query, mutation and subscription other than login, refresh and clientToken carries @RateLimited', () => {
    expect(unlimited(classes)).toEqual([]);
  });

  it('would catch a public operation without a limit, and accepts a class-level one', () => {
    @Resolver()
    class Portal {
      @Public() @Query(() => String) open(): string {
        return '';
      }
      @Public() @RateLimited('public') @Mutation(() => String) limited(): string {
        return '';
      }
      @Allow('court') @Query(() => String) staffOnly(): string {
        return '';
      }
    }
    @Public()
    @RateLimited('public')
    @Resolver()
    class LimitedPortal {
      @Query(() => String) anything(): string {
        return '';
      }
    }
    expect(unlimited([Portal, LimitedPortal])).toEqual(['Portal.open']);
  });
});
