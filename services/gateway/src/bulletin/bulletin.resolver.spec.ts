import { Global, INestApplication, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { getApolloServer } from '@nestjs/apollo';
import { Test } from '@nestjs/testing';
import {
  SupervisionAcknowledgeEarlyWarning,
  SupervisionBulletinLedger,
  SupervisionGenerateBulletin,
  SupervisionListEarlyWarnings,
  type EarlyWarningView,
} from '@yikouban/contracts';
import { RpcClient } from '@yikouban/messaging';
import { JsonLogger } from '@yikouban/observability';
import { strictValidationPipe } from '@yikouban/service-kit';
import { AuthGuard } from '../auth/auth.guard';
import { AUTH_OPTIONS } from '../auth/auth.options';
import type { Principal, Role } from '../auth/roles';
import { TokenService } from '../auth/token.service';
import { GatewayGraphqlModule } from '../graphql/graphql.module';
import { FakeRpcClient } from '../rpc/testing/fake-rpc-client';
import { BulletinModule } from './bulletin.module';

const principal = (role: Role): Principal => ({ kind: 'staff', id: `u-${role}`, role, orgCode: 'org_x', regionCode: '440784', scopes: [] });
const alert: EarlyWarningView = {
  alertId: '6b1d2f4e-8a0c-4c1e-9f3a-2d5e7b9c1a01',
  regionCode: '440784105',
  categoryCode: 'school_closure',
  window: '1d',
  windowStart: '2026-02-24',
  windowEnd: '2026-02-24',
  count: 5,
  baselineMean: 0.14,
  baselineStddev: 0.35,
  threshold: 1.19,
  raisedAt: '2026-02-24T02:30:00.000Z',
  state: 'open',
  acknowledgedBy: null,
  acknowledgedAt: null,
  note: null,
};

interface Answer<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

describe('early warnings and bulletins in GraphQL (roles, scoping; fake RPC)', () => {
  const rpc = new FakeRpcClient();
  const tokens = new TokenService({ jwtSecret: 'bulletin-spec-secret-with-32-chars-long!', accessTokenTtlSeconds: 900, refreshTokenTtlHours: 12, production: false });
  let app: INestApplication;
  let apollo: ReturnType<typeof getApolloServer>;

  @Global()
  @Module({ providers: [{ provide: RpcClient, useValue: rpc.asClient() }], exports: [RpcClient] })
  class FakeRpcModule {}

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [FakeRpcModule, GatewayGraphqlModule.forRoot({ production: false, logger: new JsonLogger('gateway', 'error', () => undefined) }), BulletinModule],
      providers: [{ provide: TokenService, useValue: tokens }, { provide: AUTH_OPTIONS, useValue: {} }, { provide: APP_GUARD, useClass: AuthGuard }],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.useGlobalPipes(strictValidationPipe());
    await app.init();
    apollo = getApolloServer(app);
  });
  afterAll(() => app.close());
  beforeEach(() => {
    rpc.calls.length = 0;
  });

  async function as<T = Record<string, unknown>>(role: Role, query: string, variables: Record<string, unknown> = {}): Promise<Answer<T>> {
    const headers = { authorization: `Bearer ${tokens.issue(principal(role)).accessToken}` };
    const res = await apollo.executeOperation({ query, variables }, { contextValue: { req: { headers } } });
    if (res.body.kind !== 'single') throw new Error('expected a single result');
    return res.body.singleResult as Answer<T>;
  }
  const codeOf = (a: Answer) => a.errors?.[0]?.extensions?.code;

  const WARNINGS = `{ earlyWarnings(filter: { state: OPEN }) { nextCursor items { id regionCode categoryCode window count threshold state } } }`;

  it('shows early warnings to the command centre, within its region', async () => {
    rpc.on(SupervisionListEarlyWarnings, () => ({ items: [alert], nextCursor: null }));
    const res = await as<{ earlyWarnings: { items: unknown[] } }>('command_operator', WARNINGS);
    expect(res.errors).toBeUndefined();
    expect(res.data?.earlyWarnings.items).toEqual([{ id: alert.alertId, regionCode: '440784105', categoryCode: 'school_closure', window: 'ONE_DAY', count: 5, threshold: 1.19, state: 'OPEN' }]);
    expect(rpc.calls[0].payload).toEqual({ regionCode: '440784', state: 'open' });
    expect(codeOf(await as('supervisor', `{ earlyWarnings(filter: { regionCode: "330621" }) { nextCursor } }`))).toBe('FORBIDDEN');
  });

  it('keeps units, courts and clerks out of alerts, bulletins and ledgers', async () => {
    for (const role of ['unit_staff', 'court', 'reception_clerk'] as Role[]) {
      expect(codeOf(await as(role, WARNINGS))).toBe('FORBIDDEN');
      expect(codeOf(await as(role, `{ bulletins { nextCursor } }`))).toBe('FORBIDDEN');
      expect(codeOf(await as(role, `{ bulletinLedger(id: "${alert.alertId}", format: XLSX) { base64 } }`))).toBe('FORBIDDEN');
    }
    expect(codeOf(await as('administrator', `mutation { acknowledgeEarlyWarning(id: "${alert.alertId}") { state } }`))).toBe('FORBIDDEN');
    expect(rpc.calls).toEqual([]);
  });

  it('acknowledges as the signed-in user', async () => {
    rpc.on(SupervisionAcknowledgeEarlyWarning, (p) => ({ ...alert, state: 'acknowledged' as const, acknowledgedBy: p.userId, note: p.note ?? null }));
    const res = await as<{ acknowledgeEarlyWarning: Record<string, unknown> }>('command_operator', `mutation { acknowledgeEarlyWarning(id: "${alert.alertId}", note: "已约见家长代表") { state acknowledgedBy note } }`);
    expect(res.data?.acknowledgeEarlyWarning).toEqual({ state: 'ACKNOWLEDGED', acknowledgedBy: 'u-command_operator', note: '已约见家长代表' });
    expect(rpc.calls[0].payload).toEqual({ alertId: alert.alertId, userId: 'u-command_operator', note: '已约见家长代表' });
  });

  it('generates a bulletin and hands out its ledger; bad input is refused before asking', async () => {
    rpc.on(SupervisionBulletinLedger, () => ({ filename: 'bulletin-daily-2026-02-24.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: 3, base64: 'AAAA' }));
    const ledger = await as<{ bulletinLedger: Record<string, unknown> }>('leader', `{ bulletinLedger(id: "${alert.alertId}", format: XLSX) { filename bytes base64 } }`);
    expect(ledger.data?.bulletinLedger).toEqual({ filename: 'bulletin-daily-2026-02-24.xlsx', bytes: 3, base64: 'AAAA' });
    expect(rpc.calls[0].payload).toEqual({ bulletinId: alert.alertId, format: 'xlsx' });

    rpc.calls.length = 0;
    const bad = await as('supervisor', `mutation { generateBulletin(kind: WEEKLY, periodStart: "2026-02-30x") { id } }`);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(bad.errors)).toContain('periodStart');
    expect(rpc.calls.map((c) => c.subject)).not.toContain(SupervisionGenerateBulletin.subject);
  });
});
