import { Global, INestApplication, Module } from '@nestjs/common';
import { getApolloServer } from '@nestjs/apollo';
import { Test } from '@nestjs/testing';
import {
  SupervisionAddCalendarOverride,
  SupervisionDeadlinePolicies,
  SupervisionSaveLocalDeadlinePolicy,
  SupervisionWorkingCalendar,
  type AddCalendarOverride,
  type DeadlinePolicyView,
  type SaveLocalDeadlinePolicy,
} from '@yikouban/contracts';
import { RpcCallError, RpcClient } from '@yikouban/messaging';
import { JsonLogger } from '@yikouban/observability';
import { strictValidationPipe } from '@yikouban/service-kit';
import type { Principal, Role } from '../auth/roles';
import { testAuthProviders, TestTokenService } from '../auth/testing/test-access';
import { GatewayGraphqlModule } from '../graphql/graphql.module';
import { FakeRpcClient } from '../rpc/testing/fake-rpc-client';
import { SupervisionAdminModule } from './supervision-admin.module';

const principal = (role: Role): Principal => ({ kind: role === 'api_client' ? 'api_client' : 'staff', id: `u-${role}`, role, orgCode: 'command_330621', regionCode: '330621', scopes: [] });
const policy: DeadlinePolicyView = {
  code: '330621_handling_5wd', jurisdiction: '330621', statutory: false, version: 1, name: '5个工作日办结', nameEn: 'Within 5 working days', appliesTo: 'handling', unit: 'working_days', amount: 5,
  source: '示范县文件', warnAt: [0.5, 1], when: { complexity: ['simple'] }, note: null, maxExtensions: null, extensionAmount: null, effectiveFrom: '2026-03-02T02:00:00.000Z', effectiveUntil: null, createdBy: 'u-administrator',
};

interface Answer<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

describe('calendar and deadline-policy administration in GraphQL (roles, region, fake RPC)', () => {
  const rpc = new FakeRpcClient();
  const tokens = new TestTokenService({ jwtSecret: 'supervision-admin-spec-secret-32-chars!!', accessTokenTtlSeconds: 900, refreshTokenTtlHours: 12, production: false });
  let app: INestApplication;
  let apollo: ReturnType<typeof getApolloServer>;

  @Global()
  @Module({ providers: [{ provide: RpcClient, useValue: rpc.asClient() }], exports: [RpcClient] })
  class FakeRpcModule {}

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [FakeRpcModule, GatewayGraphqlModule.forRoot({ production: false, logger: new JsonLogger('gateway', 'error', () => undefined) }), SupervisionAdminModule],
      providers: testAuthProviders(tokens),
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
  const payloadOf = <T>(subject: string): T => rpc.calls.find((c) => c.subject === subject)?.payload as T;

  it('shows any staff member the calendar with why each day is or is not a working day; not API clients', async () => {
    rpc.on(SupervisionWorkingCalendar, (q) => ({ ...q, officialData: true, days: [{ date: '2025-09-28', workday: true, reason: 'make_up_workday' as const, holidayName: '国庆节', note: null, overrideJurisdiction: null }] }));
    const Q = `query { workingCalendar(jurisdiction: "330621", from: "2025-09-28", to: "2025-09-28") { officialData days { date workday reason holidayName } } }`;
    const res = await as<{ workingCalendar: unknown }>('unit_staff', Q);
    expect(res.errors).toBeUndefined();
    expect(res.data?.workingCalendar).toEqual({ officialData: true, days: [{ date: '2025-09-28', workday: true, reason: 'MAKE_UP_WORKDAY', holidayName: '国庆节' }] });
    expect(codeOf(await as('api_client', Q))).toBe('FORBIDDEN');
    expect(codeOf(await as('unit_staff', `query { workingCalendar(jurisdiction: "330621", from: "2025/09/28", to: "2025-09-28") { officialData } }`))).toBe('BAD_USER_INPUT');
  });

  it('lets only an administrator of the region add an override, and passes the service’s conflict through', async () => {
    rpc.on(SupervisionAddCalendarOverride, (c) => {
      if (c.date === '2025-11-13') throw new RpcCallError('CONFLICT', 'override_conflict: 已有相反的调整', [{ field: 'date', problems: ['opposite'] }]);
      return { jurisdiction: c.jurisdiction, date: c.date, kind: c.kind, note: c.note, createdBy: c.by.userId ?? '', createdAt: '2026-03-02T02:00:00.000Z' };
    });
    const ADD = `mutation ($i: AddCalendarOverrideInput!) { addCalendarOverride(input: $i) { jurisdiction date kind note createdBy } }`;
    const ok = await as<{ addCalendarOverride: unknown }>('administrator', ADD, { i: { jurisdiction: '330621', date: '2025-11-12', kind: 'HOLIDAY', note: '县庆' } });
    expect(ok.data?.addCalendarOverride).toEqual({ jurisdiction: '330621', date: '2025-11-12', kind: 'HOLIDAY', note: '县庆', createdBy: 'u-administrator' });
    expect(payloadOf<AddCalendarOverride>(SupervisionAddCalendarOverride.subject)).toEqual({ jurisdiction: '330621', date: '2025-11-12', kind: 'holiday', note: '县庆', by: { kind: 'staff', userId: 'u-administrator', orgCode: 'command_330621' } });
    expect(codeOf(await as('administrator', ADD, { i: { jurisdiction: '330621', date: '2025-11-13', kind: 'WORKDAY', note: '调休' } }))).toBe('CONFLICT');
    rpc.calls.length = 0;
    expect(codeOf(await as('administrator', ADD, { i: { jurisdiction: '330602', date: '2025-11-12', kind: 'HOLIDAY', note: 'x' } }))).toBe('FORBIDDEN');
    for (const role of ['supervisor', 'leader', 'command_operator'] as Role[]) expect(codeOf(await as(role, ADD, { i: { jurisdiction: '330621', date: '2025-11-12', kind: 'HOLIDAY', note: 'x' } }))).toBe('FORBIDDEN');
    expect(rpc.calls).toEqual([]);
  });

  it('lists and saves local policies for administrators only, with enums and dates mapped', async () => {
    rpc.on(SupervisionDeadlinePolicies, () => [policy]);
    rpc.on(SupervisionSaveLocalDeadlinePolicy, () => policy);
    const LIST = `query { deadlinePolicies(jurisdiction: "330621") { code statutory unit appliesTo when { complexity } effectiveFrom } }`;
    const listed = await as<{ deadlinePolicies: unknown }>('administrator', LIST);
    expect(listed.data?.deadlinePolicies).toEqual([{ code: '330621_handling_5wd', statutory: false, unit: 'WORKING_DAYS', appliesTo: 'HANDLING', when: { complexity: ['SIMPLE'] }, effectiveFrom: '2026-03-02T02:00:00.000Z' }]);
    expect(codeOf(await as('supervisor', LIST))).toBe('FORBIDDEN');

    const SAVE = `mutation ($i: SaveLocalDeadlinePolicyInput!) { saveLocalDeadlinePolicy(input: $i) { code version } }`;
    const input = { jurisdiction: '330621', code: 'handling_5wd', name: '5个工作日办结', nameEn: 'Within 5 working days', appliesTo: 'HANDLING', unit: 'WORKING_DAYS', amount: 5, source: '示范县文件', when: { complexity: ['SIMPLE'] }, effectiveFrom: '2026-04-01T00:00:00.000Z' };
    const saved = await as<{ saveLocalDeadlinePolicy: unknown }>('administrator', SAVE, { i: input });
    expect(saved.data?.saveLocalDeadlinePolicy).toEqual({ code: '330621_handling_5wd', version: 1 });
    expect(payloadOf<SaveLocalDeadlinePolicy>(SupervisionSaveLocalDeadlinePolicy.subject)).toEqual({
      jurisdiction: '330621', code: 'handling_5wd', name: '5个工作日办结', nameEn: 'Within 5 working days', appliesTo: 'handling', unit: 'working_days', amount: 5, source: '示范县文件',
      when: { complexity: ['simple'] }, effectiveFrom: '2026-04-01T00:00:00.000Z', by: { kind: 'staff', userId: 'u-administrator', orgCode: 'command_330621' },
    });
    expect(codeOf(await as('administrator', SAVE, { i: { ...input, unit: 'HOURS' } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await as('leader', SAVE, { i: input }))).toBe('FORBIDDEN');
  });
});
