import {
  RoutingAssignmentQueue,
  RoutingGetClassificationList,
  RoutingGetRuleSet,
  RoutingListClassificationVersions,
  RoutingListRuleSetVersions,
  RoutingPublishClassificationList,
  RoutingPublishRuleSet,
  RoutingReturnAssignment,
  type CategoryDefinition,
  type RoutingRuleDefinition,
} from '@yikouban/contracts';
import { DEFAULT_CLASSIFICATION_LIST } from '../classification/default-classification-list';
import { GIG } from '../classification/testing/categories';
import { actor, COMMAND_CENTRE, HOUSING, HR, WorkbenchHarness } from '../workbench/testing/workbench-harness';

const ADMIN = actor(COMMAND_CENTRE, 'admin');
const FINANCE = 'dept_finance';
const wageArrears = (): CategoryDefinition => ({ ...(DEFAULT_CLASSIFICATION_LIST.find((c) => c.code === 'wage_arrears') as CategoryDefinition) });
const collectiveWageRule = (co: string[]): RoutingRuleDefinition => ({
  id: 'wage_arrears@330621:collective', categoryCode: 'wage_arrears', regionCode: '330621', collectiveOnly: true, leadOrgCode: HR, coOrgCodes: co, priority: 10,
});

describe('administration of the classification list and the routing rules (versioned), and the command centre queue', () => {
  let h: WorkbenchHarness;

  beforeAll(async () => {
    h = await WorkbenchHarness.start();
  });

  afterAll(async () => {
    await h?.stop();
  });

  const triageVersionOf = async (grievanceId: string): Promise<number | null> =>
    (await h.pg.query<{ list_version: number | null }>('SELECT list_version FROM routing.triage_decision WHERE grievance_id = $1', [grievanceId])).rows[0]?.list_version ?? null;
  const ruleVersionsOf = async (grievanceId: string) =>
    (await h.pg.query<{ org_code: string; rule_version: number }>('SELECT org_code, rule_version FROM routing.assignment WHERE grievance_id = $1 ORDER BY role DESC, org_code', [grievanceId])).rows;

  it('starts from the seeded versions, without a publisher', async () => {
    const list = await h.request(RoutingGetClassificationList, {});
    expect(list).toMatchObject({ version: 1, current: true, publishedBy: null, basedOn: null, size: DEFAULT_CLASSIFICATION_LIST.length });
    expect(list.categories.find((c) => c.code === 'wage_arrears')).toMatchObject({ matterClass: 'claim', leadDepartmentType: 'human_resources', defaultColour: 'red' });
    const rules = await h.request(RoutingGetRuleSet, { categoryCode: 'wage_arrears' });
    expect(rules).toMatchObject({ version: 1, current: true });
    expect(rules.rules.map((r) => r.id).sort()).toEqual(['wage_arrears@330621', 'wage_arrears@330621:collective']);
    expect(await h.request(RoutingListRuleSetVersions, {})).toEqual([expect.objectContaining({ version: 1, current: true, size: expect.any(Number) })]);
  });

  it('publishes a new list version, keeps the old one, and triage records the version that classified each grievance', async () => {
    const before = await h.receive();
    expect(await triageVersionOf(before.grievanceId)).toBe(1);

    const published = await h.request(RoutingPublishClassificationList, { basedOnVersion: 1, note: '新增平台用工；欠薪默认橙色', upsert: [{ ...wageArrears(), defaultColour: 'orange' }, GIG], remove: [], by: ADMIN });
    expect(published).toMatchObject({ version: 2, basedOn: 1, current: true, note: '新增平台用工；欠薪默认橙色', publishedBy: ADMIN, size: DEFAULT_CLASSIFICATION_LIST.length + 1 });
    expect(published.categories.find((c) => c.code === 'wage_arrears')?.defaultColour).toBe('orange');
    const old = await h.request(RoutingGetClassificationList, { version: 1 });
    expect(old).toMatchObject({ version: 1, current: false });
    expect(old.categories.find((c) => c.code === 'wage_arrears')?.defaultColour).toBe('red');
    expect(old.categories.some((c) => c.code === GIG.code)).toBe(false);

    const after = await h.receive();
    expect(await triageVersionOf(after.grievanceId)).toBe(2);
    expect(await triageVersionOf(before.grievanceId)).toBe(1);
  });

  it('refuses an unsound list, a stale edit and a removal the rules still need, and writes nothing', async () => {
    const stale = await h.refusal(RoutingPublishClassificationList, { basedOnVersion: 1, note: '过期', upsert: [GIG], remove: [], by: ADMIN });
    expect(stale).toMatchObject({ code: 'CONFLICT', domain: 'stale_version' });
    const unsound = await h.refusal(RoutingPublishClassificationList, { basedOnVersion: 2, note: '信访放前', upsert: [{ ...GIG, statutoryPaths: ['petition', 'arbitration'], leadDepartmentType: 'no_such_type' }], remove: [], by: ADMIN });
    expect(unsound).toMatchObject({ code: 'BAD_REQUEST', domain: 'invalid_classification_list' });
    expect(unsound.message).toContain('petition must be the last statutory path');
    expect(unsound.message).toContain('unknown department type no_such_type');
    const inUse = await h.refusal(RoutingPublishClassificationList, { basedOnVersion: 2, note: '删除欠薪', upsert: [], remove: ['wage_arrears'], by: ADMIN });
    expect(inUse).toMatchObject({ code: 'BAD_REQUEST', domain: 'invalid_classification_list' });
    expect(inUse.message).toContain('category_in_use');
    const versions = await h.request(RoutingListClassificationVersions, {});
    expect(versions.map((v) => [v.version, v.current])).toEqual([[2, true], [1, false]]);
  });

  it('publishes a new rule set; new grievances route by it, earlier assignments keep the version that made them', async () => {
    const before = await h.receive();
    expect(await ruleVersionsOf(before.grievanceId)).toEqual([
      { org_code: HR, rule_version: 1 },
      { org_code: HOUSING, rule_version: 1 },
    ]);
    const gigRule: RoutingRuleDefinition = { id: 'gig_platform_labour@330621', categoryCode: GIG.code, regionCode: '330621', leadOrgCode: HR, coOrgCodes: ['dept_market_regulation'], priority: 0 };
    const v2 = await h.request(RoutingPublishRuleSet, { basedOnVersion: 1, note: '群体欠薪加财政；平台用工', upsert: [collectiveWageRule([HOUSING, FINANCE]), gigRule], remove: [], by: ADMIN });
    expect(v2).toMatchObject({ version: 2, basedOn: 1, current: true, publishedBy: ADMIN });
    expect(v2.rules.find((r) => r.id === 'wage_arrears@330621:collective')).toMatchObject({ version: 2, coOrgCodes: [HOUSING, FINANCE], collectiveOnly: true });
    expect((await h.request(RoutingGetRuleSet, { version: 1, categoryCode: 'wage_arrears' })).rules.find((r) => r.collectiveOnly)?.coOrgCodes).toEqual([HOUSING]);

    const after = await h.receive();
    expect(await ruleVersionsOf(after.grievanceId)).toEqual([
      { org_code: HR, rule_version: 2 },
      { org_code: FINANCE, rule_version: 2 },
      { org_code: HOUSING, rule_version: 2 },
    ]);
    expect((await ruleVersionsOf(before.grievanceId)).map((r) => r.rule_version)).toEqual([1, 1]);
  });

  it('refuses rules that point at unknown places, units or categories, naming the change at fault', async () => {
    const bad = await h.refusal(RoutingPublishRuleSet, {
      basedOnVersion: 2,
      note: '错误规则',
      upsert: [{ ...collectiveWageRule(['no_such_unit']) }, { id: 'ghost@330621', categoryCode: 'no_such_category', regionCode: '330621', leadOrgCode: HR, coOrgCodes: [], priority: 0 }],
      remove: ['no_such_rule'],
      by: ADMIN,
    });
    expect(bad).toMatchObject({ code: 'BAD_REQUEST', domain: 'invalid_rule_set' });
    for (const text of ['not_found', 'unknown organisation no_such_unit', 'unknown category no_such_category']) expect(bad.message).toContain(text);
    expect((await h.request(RoutingGetRuleSet, {})).version).toBe(2);
  });

  it('lets a category go once no rule in force uses it', async () => {
    expect(await h.refusal(RoutingPublishClassificationList, { basedOnVersion: 2, note: '删除平台用工', upsert: [], remove: [GIG.code], by: ADMIN })).toMatchObject({ domain: 'invalid_classification_list' });
    await h.request(RoutingPublishRuleSet, { basedOnVersion: 2, note: '撤销平台用工规则', upsert: [], remove: ['gig_platform_labour@330621'], by: ADMIN });
    const v3 = await h.request(RoutingPublishClassificationList, { basedOnVersion: 2, note: '删除平台用工', upsert: [], remove: [GIG.code], by: ADMIN });
    expect(v3).toMatchObject({ version: 3, size: DEFAULT_CLASSIFICATION_LIST.length });
    expect((await h.request(RoutingGetClassificationList, { version: 2 })).categories.some((c) => c.code === GIG.code)).toBe(true);
  });

  it("queues returned work for the command centre, within the operator's region", async () => {
    const { assignments } = await h.receive({ collective: false, headcount: 1 });
    const [lead] = assignments;
    await h.request(RoutingReturnAssignment, { assignmentId: lead.id, by: actor(HR), reason: '系工程款纠纷，不属欠薪' });
    const page = await h.request(RoutingAssignmentQueue, { regionCode: '330621', status: ['awaiting_reassignment'] });
    expect(page.items.map((i) => i.id)).toContain(lead.id);
    expect(page.items.every((i) => i.status === 'awaiting_reassignment')).toBe(true);
    expect((await h.request(RoutingAssignmentQueue, { regionCode: '330621101' })).items.map((i) => i.id)).not.toContain(lead.id);
    const first = await h.request(RoutingAssignmentQueue, { limit: 1 });
    expect(first.items).toHaveLength(1);
    expect(await h.refusal(RoutingAssignmentQueue, { regionCode: 'nowhere_1' })).toMatchObject({ code: 'BAD_REQUEST', domain: 'unknown_region' });
  });
});
