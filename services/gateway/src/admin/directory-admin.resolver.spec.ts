import {
  RoutingCreateOrganisation,
  RoutingCreateRegion,
  RoutingDeactivateOrganisation,
  RoutingListOrganisations,
  RoutingRegionTree,
  RoutingRenameRegion,
  RoutingUpdateOrganisation,
  type DirectoryOrganisationView,
  type RegionNodeView,
} from '@yikouban/contracts';
import { RpcCallError } from '@yikouban/messaging';
import { ROLES, type Principal, type Role } from '../auth/roles';
import { resolverHarness } from '../auth/testing/resolver-harness';
import { AuditLogService, type AuditEntry } from '../identity/audit-log.service';
import { FakeRpcClient } from '../rpc/testing/fake-rpc-client';
import { DirectoryAdministrationDesk } from './directory-admin.desk';
import { DirectoryAdministrationResolver } from './directory-admin.resolver';
import { UserPlacement } from './user-placement';

const admin: Principal = { kind: 'staff', id: 'u-admin', role: 'administrator', orgCode: 'command_330621', regionCode: '330621', scopes: [] };
const BY = { userId: 'u-admin', orgCode: 'command_330621' };
const region = (over: Partial<RegionNodeView> = {}): RegionNodeView => ({ code: '330621101299', name: '凤凰社区', level: 'village', parentCode: '330621101', childCount: 0, children: [], ...over });
const org = (over: Partial<DirectoryOrganisationView> = {}): DirectoryOrganisationView => ({
  code: 'vc_330621101299', name: '凤凰社区居民委员会', nameEn: 'Fenghuang Community Committee', kind: 'village_committee', regionCode: '330621101299', departmentType: null, active: true, ...over,
});

describe('directory administration in GraphQL (administrators only, the acting administrator named, audited; fake RPC)', () => {
  const audited: AuditEntry[] = [];
  const gql = resolverHarness([], {
    providers: [DirectoryAdministrationDesk, DirectoryAdministrationResolver, { provide: AuditLogService, useValue: { record: async (e: AuditEntry) => void audited.push(e) } }],
  });
  const { rpc, as } = gql;

  beforeAll(() => gql.start());
  afterAll(() => gql.close());
  beforeEach(() => {
    rpc.calls.length = 0;
    audited.length = 0;
  });
  const payloadOf = (subject: string) => rpc.calls.find((c) => c.subject === subject)?.payload;

  const TREE = 'query ($root: String, $depth: Int) { regionTree(rootCode: $root, depth: $depth) { code level childCount children { code name level children { code } } } }';
  const CREATE_REGION = 'mutation ($input: CreateRegionInput!) { createRegion(input: $input) { code name level parentCode } }';
  const DEACTIVATE = 'mutation ($code: String!) { deactivateOrganisation(code: $code, reason: "机构改革") { code active } }';

  it('refuses every role but the administrator, asking routing nothing', async () => {
    for (const role of ROLES.filter((r) => r !== 'administrator' && r !== 'citizen') as Role[]) {
      const p: Principal = role === 'api_client' ? { kind: 'api_client', id: 'c', role, scopes: ['grievance:read', 'grievance:write'] } : { ...admin, role };
      expect((await as(p, TREE)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await as(p, DEACTIVATE, { code: 'dept_finance' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(rpc.calls).toEqual([]);
  });

  it('reads the tree from a root to a depth (one level by default), enums upper-case', async () => {
    rpc.on(RoutingRegionTree, () => [region({ code: '330621101', name: '城关镇', level: 'town', parentCode: '330621', childCount: 1, children: [region()] })]);
    const a = await as<{ regionTree: unknown[] }>(admin, TREE, { root: '330621101' });
    expect(a.errors).toBeUndefined();
    expect(payloadOf(RoutingRegionTree.subject)).toEqual({ rootCode: '330621101', depth: 1 });
    expect(a.data?.regionTree).toEqual([{ code: '330621101', level: 'TOWN', childCount: 1, children: [{ code: '330621101299', name: '凤凰社区', level: 'VILLAGE', children: [] }] }]);
    expect((await as(admin, TREE, { depth: 9 })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('filters organisations as asked, active ones only by default', async () => {
    rpc.on(RoutingListOrganisations, () => [org()]);
    await as(admin, '{ organisations { code } }');
    expect(payloadOf(RoutingListOrganisations.subject)).toEqual({});
    rpc.calls.length = 0;
    const a = await as<{ organisations: unknown[] }>(admin, 'query { organisations(filter: { regionCode: "330621101", withinRegion: true, kind: VILLAGE_COMMITTEE, search: "凤凰" }) { code kind active } }');
    expect(payloadOf(RoutingListOrganisations.subject)).toEqual({ regionCode: '330621101', withinRegion: true, kind: 'village_committee', search: '凤凰', includeInactive: false });
    expect(a.data?.organisations).toEqual([{ code: 'vc_330621101299', kind: 'VILLAGE_COMMITTEE', active: true }]);
  });

  it('creates and renames a region as the signed-in administrator, each change audited', async () => {
    rpc.on(RoutingCreateRegion, (c) => region({ code: c.code, name: c.name, parentCode: c.parentCode }));
    rpc.on(RoutingRenameRegion, (c) => region({ code: c.code, name: c.name }));
    const created = await as(admin, CREATE_REGION, { input: { code: '330621101299', name: '凤凰社区', parentCode: '330621101' } });
    expect(created.data?.createRegion).toEqual({ code: '330621101299', name: '凤凰社区', level: 'VILLAGE', parentCode: '330621101' });
    expect(payloadOf(RoutingCreateRegion.subject)).toEqual({ code: '330621101299', name: '凤凰社区', parentCode: '330621101', by: BY });
    await as(admin, 'mutation { renameRegion(code: "330621101299", name: "凤凰新社区") { name } }');
    expect(payloadOf(RoutingRenameRegion.subject)).toEqual({ code: '330621101299', name: '凤凰新社区', by: BY });
    expect(audited.map((e) => [e.action, e.subject, e.actor?.id])).toEqual([
      ['admin.region_created', '330621101299', 'u-admin'],
      ['admin.region_renamed', '330621101299', 'u-admin'],
    ]);
  });

  it('refuses a malformed region code before asking routing', async () => {
    const a = await as(admin, CREATE_REGION, { input: { code: 'abc', name: '错', parentCode: '330621101' } });
    expect(a.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(rpc.calls).toEqual([]);
  });

  it('creates and updates organisations, sending only the fields given (null clears the department type)', async () => {
    rpc.on(RoutingCreateOrganisation, (c) => org({ code: c.code, kind: c.kind, departmentType: c.departmentType ?? null }));
    rpc.on(RoutingUpdateOrganisation, (c) => org({ code: c.code, name: c.name ?? '凤凰社区居民委员会' }));
    const created = await as(admin, `mutation { createOrganisation(input: { code: "dept_data", name: "县大数据中心", nameEn: "County Big Data Centre", kind: DEPARTMENT, regionCode: "330621", departmentType: "finance" }) { code kind } }`);
    expect(created.errors).toBeUndefined();
    expect(payloadOf(RoutingCreateOrganisation.subject)).toEqual({ code: 'dept_data', name: '县大数据中心', nameEn: 'County Big Data Centre', kind: 'department', regionCode: '330621', departmentType: 'finance', by: BY });
    await as(admin, 'mutation { updateOrganisation(code: "dept_data", input: { name: "县数据局", departmentType: null }) { code name } }');
    expect(payloadOf(RoutingUpdateOrganisation.subject)).toEqual({ code: 'dept_data', name: '县数据局', departmentType: null, by: BY });
    expect(audited.map((e) => e.action)).toEqual(['admin.organisation_created', 'admin.organisation_updated']);
  });

  it("passes routing's refusal on as CONFLICT with its fields, and audits nothing", async () => {
    rpc.on(RoutingDeactivateOrganisation, () => {
      throw new RpcCallError('CONFLICT', 'open_assignments: 县人社局 尚有 3 件未办结的交办事项', [{ field: 'code', problems: ['open_assignments'] }]);
    });
    const a = await as(admin, DEACTIVATE, { code: 'dept_human_resources' });
    expect(a.errors?.[0]).toMatchObject({ message: expect.stringContaining('open_assignments'), extensions: { code: 'CONFLICT', fields: [{ field: 'code', problems: ['open_assignments'] }] } });
    expect(payloadOf(RoutingDeactivateOrganisation.subject)).toEqual({ code: 'dept_human_resources', reason: '机构改革', by: BY });
    expect(audited).toEqual([]);
  });
});

describe('a new account’s placement in the directory', () => {
  it('accepts an active organisation and a known region', async () => {
    const rpc = new FakeRpcClient().on(RoutingListOrganisations, () => [org()]).on(RoutingRegionTree, () => [region()]);
    await expect(new UserPlacement(rpc.asClient()).assertKnown('vc_330621101299', '330621101299')).resolves.toBeUndefined();
    expect(rpc.calls).toEqual([
      { subject: RoutingListOrganisations.subject, payload: { codes: ['vc_330621101299'] } },
      { subject: RoutingRegionTree.subject, payload: { rootCode: '330621101299', depth: 0 } },
    ]);
  });

  it('refuses an unknown or deactivated organisation and an unknown region as bad input on that field', async () => {
    const none = new FakeRpcClient().on(RoutingListOrganisations, () => []);
    await expect(new UserPlacement(none.asClient()).assertKnown('dept_gone', undefined)).rejects.toMatchObject({ code: 'BAD_REQUEST', fields: [{ field: 'orgCode', problems: ['unknown_organisation'] }] });
    const noRegion = new FakeRpcClient().on(RoutingRegionTree, () => {
      throw new RpcCallError('NOT_FOUND', 'not_found: 区划 330699 不存在');
    });
    await expect(new UserPlacement(noRegion.asClient()).assertKnown(undefined, '330699')).rejects.toMatchObject({ code: 'BAD_REQUEST', fields: [{ field: 'regionCode', problems: ['unknown_region'] }] });
  });

  it('lets routing being down show as such, not as bad input', async () => {
    await expect(new UserPlacement(new FakeRpcClient().asClient()).assertKnown('dept_finance', undefined)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});
