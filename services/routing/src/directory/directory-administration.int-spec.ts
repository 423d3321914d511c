import {
  DirectoryChanged,
  RoutingCreateOrganisation,
  RoutingCreateRegion,
  RoutingDeactivateOrganisation,
  RoutingListOrganisations,
  RoutingPublishRuleSet,
  RoutingRegionTree,
  RoutingRenameRegion,
  RoutingUpdateOrganisation,
  type DirectoryChangedV1,
  type EventEnvelope,
} from '@yikouban/contracts';
import { waitFor } from '@yikouban/testing';
import { actor, COMMAND_CENTRE, HR, WorkbenchHarness } from '../workbench/testing/workbench-harness';

const ADMIN = actor(COMMAND_CENTRE, 'admin-user');
const CHENGGUAN = '330621101';
const NEW_VILLAGE = '330621101299';

describe('administration of regions and organisations (real PostgreSQL and NATS)', () => {
  let h: WorkbenchHarness;

  beforeAll(async () => {
    h = await WorkbenchHarness.start();
  });

  afterAll(async () => {
    await h?.stop();
  });

  const changes = () =>
    waitFor('directory facts', async () => {
      const msgs = await h.probe.read(h.ns.stream('routing'), h.ns.subject(DirectoryChanged.subject));
      return msgs.map((m) => m.json<EventEnvelope<DirectoryChangedV1>>().data);
    });
  const awaitChanges = (n: number) =>
    waitFor(`${n} directory facts`, async () => {
      const found = await changes();
      return found.length === n ? found : undefined;
    });

  it('adds a village under a town (the level below, its code extending the town’s) and renames it', async () => {
    const created = await h.request(RoutingCreateRegion, { code: NEW_VILLAGE, name: '新建社区', parentCode: CHENGGUAN, by: ADMIN });
    expect(created).toEqual({ code: NEW_VILLAGE, name: '新建社区', level: 'village', parentCode: CHENGGUAN, childCount: 0, children: [] });
    const renamed = await h.request(RoutingRenameRegion, { code: NEW_VILLAGE, name: '凤凰社区', by: ADMIN });
    expect(renamed.name).toBe('凤凰社区');
    const [town] = await h.request(RoutingRegionTree, { rootCode: CHENGGUAN, depth: 1 });
    expect(town.children.find((c) => c.code === NEW_VILLAGE)).toMatchObject({ name: '凤凰社区', level: 'village' });
    expect(town.childCount).toBe(town.children.length);
    expect(town.children.every((c) => c.children.length === 0 && c.childCount > 0 === (c.code !== NEW_VILLAGE))).toBe(true);
    const facts = await awaitChanges(2);
    expect(facts).toEqual([
      expect.objectContaining({ change: 'region_created', regionCode: NEW_VILLAGE, by: ADMIN }),
      expect.objectContaining({ change: 'region_renamed', regionCode: NEW_VILLAGE, by: ADMIN }),
    ]);
  });

  it('refuses a code that does not extend the parent, a taken code, an unknown parent and a level above the parent, writing nothing', async () => {
    expect(await h.refusal(RoutingCreateRegion, { code: '330621102299', name: '错位社区', parentCode: CHENGGUAN, by: ADMIN })).toMatchObject({ code: 'BAD_REQUEST', domain: 'code_must_extend_parent' });
    expect(await h.refusal(RoutingCreateRegion, { code: NEW_VILLAGE, name: '重复', parentCode: CHENGGUAN, by: ADMIN })).toMatchObject({ code: 'CONFLICT', domain: 'code_taken' });
    expect(await h.refusal(RoutingCreateRegion, { code: '330699101', name: '无', parentCode: '330699', by: ADMIN })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await h.refusal(RoutingCreateRegion, { code: '330621101298', name: '镇', parentCode: CHENGGUAN, level: 'town', by: ADMIN })).toMatchObject({ code: 'BAD_REQUEST', domain: 'level_order' });
    expect(await h.refusal(RoutingRenameRegion, { code: '330621999', name: '无', by: ADMIN })).toMatchObject({ code: 'NOT_FOUND' });
    const { rows } = await h.pg.query("SELECT code FROM routing.region WHERE code IN ('330621102299', '330699101', '330621101298')");
    expect(rows).toEqual([]);
    expect(await changes()).toHaveLength(2);
  });

  it('adds and updates an organisation, validated; the list filters by region subtree, kind and name', async () => {
    const org = await h.request(RoutingCreateOrganisation, { code: 'vc_330621101299', name: '凤凰社区居民委员会', nameEn: 'Fenghuang Community Committee', kind: 'village_committee', regionCode: NEW_VILLAGE, by: ADMIN });
    expect(org).toEqual({ code: 'vc_330621101299', name: '凤凰社区居民委员会', nameEn: 'Fenghuang Community Committee', kind: 'village_committee', regionCode: NEW_VILLAGE, departmentType: null, active: true });
    expect(await h.refusal(RoutingCreateOrganisation, { code: HR, name: '重复', nameEn: 'Dup', kind: 'department', regionCode: '330621', by: ADMIN })).toMatchObject({ code: 'CONFLICT', domain: 'code_taken' });
    expect(await h.refusal(RoutingCreateOrganisation, { code: 'dept_x', name: '某局', nameEn: 'X', kind: 'department', regionCode: '330621', departmentType: 'astrology', by: ADMIN })).toMatchObject({ code: 'BAD_REQUEST', domain: 'unknown_department_type' });
    expect(await h.refusal(RoutingCreateOrganisation, { code: 'dept_y', name: '某局', nameEn: 'Y', kind: 'department', regionCode: '330699', by: ADMIN })).toMatchObject({ code: 'BAD_REQUEST', domain: 'unknown_region' });

    const updated = await h.request(RoutingUpdateOrganisation, { code: 'vc_330621101299', name: '凤凰社区居委会', by: ADMIN });
    expect(updated).toMatchObject({ name: '凤凰社区居委会', nameEn: 'Fenghuang Community Committee', regionCode: NEW_VILLAGE });
    expect(await h.refusal(RoutingUpdateOrganisation, { code: 'vc_330621101299', name: '凤凰社区居委会', by: ADMIN })).toMatchObject({ code: 'BAD_REQUEST', domain: 'nothing_to_change' });
    expect(await h.refusal(RoutingUpdateOrganisation, { code: 'no_such_org', name: '无', by: ADMIN })).toMatchObject({ code: 'NOT_FOUND' });

    const inTown = await h.request(RoutingListOrganisations, { regionCode: CHENGGUAN, withinRegion: true, kind: 'village_committee' });
    expect(inTown.map((o) => o.code)).toContain('vc_330621101299');
    expect(inTown.every((o) => o.kind === 'village_committee' && o.regionCode.startsWith(CHENGGUAN))).toBe(true);
    expect((await h.request(RoutingListOrganisations, { regionCode: CHENGGUAN })).every((o) => o.regionCode === CHENGGUAN)).toBe(true);
    expect((await h.request(RoutingListOrganisations, { search: '凤凰' })).map((o) => o.code)).toEqual(['vc_330621101299']);
    expect((await awaitChanges(4)).slice(2).map((f) => [f.change, f.organisationCode])).toEqual([
      ['organisation_created', 'vc_330621101299'],
      ['organisation_updated', 'vc_330621101299'],
    ]);
  });

  it('refuses to deactivate a unit holding open assignments or named by rules in force (CONFLICT); deactivates one that holds neither', async () => {
    await h.receive();
    const busy = await h.refusal(RoutingDeactivateOrganisation, { code: HR, reason: '机构改革', by: ADMIN });
    expect(busy).toMatchObject({ code: 'CONFLICT', domain: 'open_assignments' });

    // 财政局 holds nothing yet, but once a rule in force names it, it cannot go either.
    const rules = await h.request(RoutingPublishRuleSet, {
      basedOnVersion: 1, note: '群体欠薪加财政', remove: [], by: ADMIN,
      upsert: [{ id: 'wage_arrears@330621101', categoryCode: 'wage_arrears', regionCode: CHENGGUAN, leadOrgCode: HR, coOrgCodes: ['dept_finance'], priority: 0 }],
    });
    expect(rules.version).toBe(2);
    expect(await h.refusal(RoutingDeactivateOrganisation, { code: 'dept_finance', reason: '机构改革', by: ADMIN })).toMatchObject({ code: 'CONFLICT', domain: 'named_by_rules' });

    const gone = await h.request(RoutingDeactivateOrganisation, { code: 'vc_330621101299', reason: '撤并', by: ADMIN });
    expect(gone.active).toBe(false);
    expect(await h.request(RoutingDeactivateOrganisation, { code: 'vc_330621101299', reason: '再次', by: ADMIN })).toMatchObject({ active: false });
    expect((await h.request(RoutingListOrganisations, { search: '凤凰' }))).toEqual([]);
    expect((await h.request(RoutingListOrganisations, { search: '凤凰', includeInactive: true })).map((o) => o.active)).toEqual([false]);
    const facts = await awaitChanges(5);
    expect(facts[4]).toMatchObject({ change: 'organisation_deactivated', organisationCode: 'vc_330621101299', regionCode: NEW_VILLAGE });
    const { rows } = await h.pg.query<{ active: boolean }>('SELECT active FROM routing.organisation WHERE code = ANY ($1) ORDER BY code', [[HR, 'dept_finance']]);
    expect(rows.map((r) => r.active)).toEqual([true, true]);
  });

  it('answers the whole tree from its top, to the depth asked', async () => {
    const [city] = await h.request(RoutingRegionTree, { depth: 2 });
    expect(city).toMatchObject({ code: '330600', level: 'city', parentCode: null, childCount: 1 });
    expect(city.children[0]).toMatchObject({ code: '330621', level: 'county' });
    expect(city.children[0].children.length).toBe(city.children[0].childCount);
    expect(city.children[0].children[0].children).toEqual([]);
    expect(await h.refusal(RoutingRegionTree, { rootCode: '330699' })).toMatchObject({ code: 'NOT_FOUND' });
  });
});
