import { DataSource } from 'typeorm';
import {
  RoutingDeactivateOrganisation,
  RoutingGetClassificationList,
  RoutingGetRuleSet,
  RoutingListOrganisations,
  RoutingPublishClassificationList,
  RoutingPublishRuleSet,
  RoutingRegionTree,
  RoutingRenameRegion,
  RoutingUpdateOrganisation,
  type CategoryDefinition,
} from '@yikouban/contracts';
import { JsonLogger } from '@yikouban/observability';
import { seedClassificationList } from '../administration/classification-administration';
import { DEFAULT_CLASSIFICATION_LIST } from '../classification/default-classification-list';
import { routingDataSourceOptions } from '../database/data-source';
import { DEMO_REGIONS } from '../directory/demo-county';
import { actor, COMMAND_CENTRE, HR, WorkbenchHarness } from '../workbench/testing/workbench-harness';
import { seedDemoCounty } from './demo-seed';

const ADMIN = actor(COMMAND_CENTRE, 'admin-user');
const CHENGGUAN = '330621101';
const wageArrears = (): CategoryDefinition => ({ ...(DEFAULT_CLASSIFICATION_LIST.find((c) => c.code === 'wage_arrears') as CategoryDefinition) });

describe('the demo seed at every development start keeps what administrators changed (real PostgreSQL and NATS)', () => {
  let h: WorkbenchHarness;
  const reseed = () => seedDemoCounty(routingDataSourceOptions(h.db.url), new JsonLogger('routing-test', 'warn'));

  beforeAll(async () => {
    h = await WorkbenchHarness.start();
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('leaves renamed regions, edited and deactivated organisations and the published list and rules as they are, and adds what is missing', async () => {
    // A unit no rule names, so it can be deactivated.
    const [idle] = (await h.pg.query<{ code: string }>(
      `SELECT o.code FROM routing.organisation o WHERE o.kind = 'village_committee'
         AND NOT EXISTS (SELECT 1 FROM routing.routing_rule r WHERE r.lead_org_code = o.code OR o.code = ANY (r.co_org_codes)) ORDER BY o.code LIMIT 1`,
    )).rows;
    await h.request(RoutingRenameRegion, { code: CHENGGUAN, name: '城关街道', by: ADMIN });
    await h.request(RoutingUpdateOrganisation, { code: HR, name: '县人社局', nameEn: 'County HR Bureau', by: ADMIN });
    await h.request(RoutingDeactivateOrganisation, { code: idle.code, reason: '村居合并', by: ADMIN });
    await h.request(RoutingPublishClassificationList, { basedOnVersion: 1, note: '欠薪默认橙色', upsert: [{ ...wageArrears(), defaultColour: 'orange' }], remove: [], by: ADMIN });
    const rules = await h.request(RoutingPublishRuleSet, { basedOnVersion: 1, note: '撤销一条欠薪规则', upsert: [], remove: ['wage_arrears@330621:collective'], by: ADMIN });
    // A demo place shipped after this database was first seeded: a grid nothing refers to.
    const grid = DEMO_REGIONS.find((r) => r.level === 'grid')!;
    await h.pg.query('DELETE FROM routing.region WHERE code = $1', [grid.code]);

    await reseed();

    const [town] = await h.request(RoutingRegionTree, { rootCode: CHENGGUAN, depth: 0 });
    expect(town.name).toBe('城关街道');
    const [hr] = await h.request(RoutingListOrganisations, { codes: [HR] });
    expect(hr).toMatchObject({ name: '县人社局', nameEn: 'County HR Bureau' });
    expect(await h.request(RoutingListOrganisations, { codes: [idle.code], includeInactive: true })).toEqual([expect.objectContaining({ code: idle.code, active: false })]);
    const list = await h.request(RoutingGetClassificationList, {});
    expect(list).toMatchObject({ version: 2, current: true, publishedBy: ADMIN });
    expect(list.categories.find((c) => c.code === 'wage_arrears')?.defaultColour).toBe('orange');
    const inForce = await h.request(RoutingGetRuleSet, {});
    expect(inForce).toMatchObject({ version: rules.version, current: true });
    expect(inForce.rules.map((r) => r.id)).not.toContain('wage_arrears@330621:collective');
    const { rows: back } = await h.pg.query('SELECT name, level, parent_code FROM routing.region WHERE code = $1', [grid.code]);
    expect(back).toEqual([{ name: grid.name, level: 'grid', parent_code: grid.parentCode }]);
  });

  it('never writes over a published list, even when a release ships the same or a higher version number', async () => {
    const db = new DataSource(routingDataSourceOptions(h.db.url));
    await db.initialize();
    try {
      const shipped = DEFAULT_CLASSIFICATION_LIST.map((c) => ({ ...c, defaultColour: 'blue' as const }));
      expect(await db.transaction((tx) => seedClassificationList(tx, shipped, 2))).toBe(false);
      expect(await db.transaction((tx) => seedClassificationList(tx, shipped, 3))).toBe(false);
    } finally {
      await db.destroy();
    }
    const list = await h.request(RoutingGetClassificationList, {});
    expect(list).toMatchObject({ version: 2, current: true });
    expect(list.categories.find((c) => c.code === 'wage_arrears')?.defaultColour).toBe('orange');
    await expect(h.request(RoutingGetClassificationList, { version: 3 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
