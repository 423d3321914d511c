import fc from 'fast-check';
import { DEFAULT_CLASSIFICATION_LIST } from '../classification/default-classification-list';
import { ClassificationListError } from '../classification/validate-classification-list';
import { DEMO_CITY_CODE, DEMO_COUNTY_CODE, DEMO_ORGANISATIONS, DEMO_REGIONS } from '../directory/demo-county';
import type { OrganisationSeed } from '../directory/directory.types';
import { RegionTree, RegionTreeError } from '../directory/region-tree';
import { buildDefaultRoutingRules, COLLECTIVE_HEADCOUNT, resolveRouting } from './rule-engine';
import { RoutingError } from './routing.errors';
import type { RoutingInput, RoutingRule } from './routing-rule.types';

const VERSION = 3;
const tree = new RegionTree(DEMO_REGIONS);
const rules = buildDefaultRoutingRules(DEFAULT_CLASSIFICATION_LIST, DEMO_REGIONS, DEMO_ORGANISATIONS, VERSION);
const orgByCode = new Map(DEMO_ORGANISATIONS.map((o) => [o.code, o]));
const org = (code: string): OrganisationSeed => {
  const o = orgByCode.get(code);
  if (!o) throw new Error(`decision names unknown organisation ${code}`);
  return o;
};
const countyDept = (type: string) => DEMO_ORGANISATIONS.find((o) => o.departmentType === type && o.regionCode === DEMO_COUNTY_CODE)!;
const route = (over: Partial<RoutingInput> & { categoryCode: string; regionCode: string }) => resolveRouting({ headcount: 1, ...over }, rules, tree);
const inCounty = DEMO_REGIONS.filter((r) => tree.isWithin(r.code, DEMO_COUNTY_CODE));
const firstOf = (level: string) => DEMO_REGIONS.find((r) => r.level === level)!.code;

describe('every default category routes somewhere sensible in every demo region', () => {
  it.each(DEFAULT_CLASSIFICATION_LIST.map((c) => [c.code, c] as const))('%s', (_code, category) => {
    for (const region of inCounty) {
      const d = route({ categoryCode: category.code, regionCode: region.code });
      if (!d) throw new Error(`${category.code} has no route in ${region.code}`);
      const lead = org(d.leadOrgCode);
      const co = d.coOrgCodes.map(org);
      const town = tree.ancestorAtLevel(region.code, 'town');
      if (category.handledAtTownLevel && town) {
        // 属地管理: the government of the town that contains the place leads, the county department behind it.
        expect(lead).toMatchObject({ kind: 'town_government', regionCode: town.code });
        expect(co.map((o) => o.code)).toEqual([countyDept(category.leadDepartmentType).code]);
        expect(d.matchedRegionCode).toBe(town.code);
      } else {
        expect(lead).toMatchObject({ departmentType: category.leadDepartmentType, regionCode: DEMO_COUNTY_CODE });
        expect(co.map((o) => o.departmentType).sort()).toEqual([...category.coDepartmentTypes].sort());
        expect(d.matchedRegionCode).toBe(DEMO_COUNTY_CODE);
      }
      expect(tree.isWithin(region.code, d.matchedRegionCode)).toBe(true);
      expect(d.fellBack).toBe(d.matchedRegionCode !== region.code);
      // Below the town no rule sits: villages and grids always fall back up the tree.
      if (region.level === 'village' || region.level === 'grid') expect(d.fellBack).toBe(true);
      expect(d.ruleVersion).toBe(VERSION);
      expect(rules.some((r) => r.id === d.ruleId && r.version === d.ruleVersion)).toBe(true);
    }
  });

  it('has no route at city level, where the county has no units: the caller falls back to the petition bureau', () => {
    for (const c of DEFAULT_CLASSIFICATION_LIST) expect(route({ categoryCode: c.code, regionCode: DEMO_CITY_CODE })).toBeNull();
  });
});

describe('scale: collective wage arrears', () => {
  const village = firstOf('village');
  const grid = firstOf('grid');

  it('sends a collective matter in a village to 人社 with 住建 co-handling, from the county rule', () => {
    const d = route({ categoryCode: 'wage_arrears', regionCode: village, headcount: 12 })!;
    expect(org(d.leadOrgCode).name).toBe('县人力资源和社会保障局');
    expect(d.coOrgCodes.map((c) => org(c).name)).toEqual(['县住房和城乡建设局']);
    expect(d).toMatchObject({ ruleId: `wage_arrears@${DEMO_COUNTY_CODE}:collective`, ruleVersion: VERSION, matchedRegionCode: DEMO_COUNTY_CODE, fellBack: true });
  });

  it('gives an individual matter no 住建 co-unit', () => {
    const d = route({ categoryCode: 'wage_arrears', regionCode: grid, headcount: 1 })!;
    expect(d.leadOrgCode).toBe(countyDept('human_resources').code);
    expect(d.coOrgCodes.map((c) => org(c).departmentType)).not.toContain('housing');
    expect(d.ruleId).toBe(`wage_arrears@${DEMO_COUNTY_CODE}`);
  });

  it('draws the line at COLLECTIVE_HEADCOUNT, or at intake’s collective flag', () => {
    const housing = countyDept('housing').code;
    expect(route({ categoryCode: 'wage_arrears', regionCode: grid, headcount: COLLECTIVE_HEADCOUNT - 1 })!.coOrgCodes).not.toContain(housing);
    expect(route({ categoryCode: 'wage_arrears', regionCode: grid, headcount: COLLECTIVE_HEADCOUNT })!.coOrgCodes).toContain(housing);
    expect(route({ categoryCode: 'wage_arrears', regionCode: grid, headcount: 2, collective: true })!.coOrgCodes).toContain(housing);
  });
});

describe('accusations (检举控告)', () => {
  const accusations = DEFAULT_CLASSIFICATION_LIST.filter((c) => c.matterClass === 'accusation');

  it('reach only the discipline commission, from every region, whatever the scale', () => {
    for (const c of accusations) {
      for (const region of inCounty) {
        for (const headcount of [1, 30]) {
          const d = route({ categoryCode: c.code, regionCode: region.code, headcount })!;
          expect(org(d.leadOrgCode).kind).toBe('discipline_commission');
          expect(d.coOrgCodes).toEqual([]);
        }
      }
    }
  });
});

describe('resolveRouting on hand-made rules', () => {
  const town = firstOf('town');
  const village = tree.childrenOf(town)[0]!.code;
  const rule = (id: string, over: Partial<RoutingRule> = {}): RoutingRule => ({ id, version: 1, categoryCode: 'x', regionCode: DEMO_COUNTY_CODE, leadOrgCode: `lead_${id}`, coOrgCodes: [], priority: 0, ...over });
  const resolve = (rs: RoutingRule[], over: Partial<RoutingInput> = {}) => resolveRouting({ categoryCode: 'x', regionCode: village, headcount: 1, ...over }, rs, tree);

  it('lets the nearest region decide, whatever the priority further up', () => {
    expect(resolve([rule('county', { priority: 99 }), rule('town', { regionCode: town })])).toMatchObject({ ruleId: 'town', matchedRegionCode: town, fellBack: true });
    expect(resolve([rule('county'), rule('village', { regionCode: village })])).toMatchObject({ ruleId: 'village', fellBack: false });
  });

  it('at one region picks the highest priority, then the more specific rule, then the smaller id', () => {
    expect(resolve([rule('a'), rule('b', { priority: 2 }), rule('c', { priority: 1 })])!.ruleId).toBe('b');
    expect(resolve([rule('plain'), rule('scaled', { minHeadcount: 1 })])!.ruleId).toBe('scaled');
    expect(resolve([rule('m'), rule('k')])!.ruleId).toBe('k');
  });

  it('skips a rule whose scale conditions are not met and keeps looking up the tree', () => {
    const rs = [rule('county'), rule('big_town', { regionCode: town, minHeadcount: 10 })];
    expect(resolve(rs, { headcount: 9 })).toMatchObject({ ruleId: 'county', matchedRegionCode: DEMO_COUNTY_CODE });
    expect(resolve(rs, { headcount: 10 })).toMatchObject({ ruleId: 'big_town', matchedRegionCode: town });
  });

  it('meets an amount threshold only with a known amount at or above it', () => {
    const rs = [rule('plain'), rule('large', { minAmountYuan: 100_000, priority: 5 })];
    expect(resolve(rs)!.ruleId).toBe('plain');
    expect(resolve(rs, { amountYuan: 99_999 })!.ruleId).toBe('plain');
    expect(resolve(rs, { amountYuan: 100_000 })!.ruleId).toBe('large');
  });

  it('returns the co-units once each and never the lead among them', () => {
    const d = resolve([rule('r', { leadOrgCode: 'L', coOrgCodes: ['A', 'L', 'A', 'B'] })])!;
    expect(d.coOrgCodes).toEqual(['A', 'B']);
  });

  it('returns null when no rule of the category applies anywhere up the tree', () => {
    expect(resolve([rule('other', { categoryCode: 'y' })])).toBeNull();
    expect(resolve([rule('scaled', { minHeadcount: 50 })])).toBeNull();
    expect(resolve([])).toBeNull();
  });

  it('throws a clear error for an unknown region or a malformed input', () => {
    expect(() => resolve([rule('a')], { regionCode: 'nowhere' })).toThrow(RegionTreeError);
    expect(() => resolve([rule('a')], { regionCode: 'nowhere' })).toThrow('unknown region nowhere');
    for (const bad of [{ headcount: 0 }, { headcount: 1.5 }, { headcount: Number.NaN }, { amountYuan: -1 }, { amountYuan: Number.POSITIVE_INFINITY }]) {
      expect(() => resolve([rule('a')], bad)).toThrow(RoutingError);
    }
  });

  it('decides the same whatever order the rules come in', () => {
    const pool = [rule('a'), rule('b', { priority: 1, minHeadcount: 3 }), rule('c', { regionCode: town, collectiveOnly: true }), rule('d', { regionCode: town, minAmountYuan: 500 }), rule('e', { regionCode: village, minHeadcount: 20 })];
    fc.assert(
      fc.property(fc.shuffledSubarray(pool, { minLength: pool.length }), fc.integer({ min: 1, max: 30 }), fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }), (shuffled, headcount, amountYuan) => {
        const input = { headcount, ...(amountYuan === undefined ? {} : { amountYuan }) };
        expect(resolve([...shuffled], input)).toEqual(resolve(pool, input));
      }),
    );
  });
});

describe('buildDefaultRoutingRules', () => {
  it('throws naming the county, the department type and the category when a department is missing', () => {
    const withoutHousing = DEMO_ORGANISATIONS.filter((o) => o.departmentType !== 'housing');
    expect(() => buildDefaultRoutingRules(DEFAULT_CLASSIFICATION_LIST, DEMO_REGIONS, withoutHousing)).toThrow(/county 330621 \(青川县\) has no department of type housing .* category \w+/);
  });

  it('throws when a town has no government', () => {
    const town = firstOf('town');
    const orgs = DEMO_ORGANISATIONS.filter((o) => !(o.kind === 'town_government' && o.regionCode === town));
    expect(() => buildDefaultRoutingRules(DEFAULT_CLASSIFICATION_LIST, DEMO_REGIONS, orgs)).toThrow(`town ${town}`);
  });

  it('refuses a directory without a county, a bad version and an unsound list', () => {
    expect(() => buildDefaultRoutingRules(DEFAULT_CLASSIFICATION_LIST, DEMO_REGIONS.filter((r) => r.level === 'city'), DEMO_ORGANISATIONS)).toThrow(RoutingError);
    expect(() => buildDefaultRoutingRules(DEFAULT_CLASSIFICATION_LIST, DEMO_REGIONS, DEMO_ORGANISATIONS, 0)).toThrow(/version/);
    const bad = DEFAULT_CLASSIFICATION_LIST.map((c) => (c.matterClass === 'accusation' ? { ...c, leadDepartmentType: 'housing' as const } : c));
    expect(() => buildDefaultRoutingRules(bad, DEMO_REGIONS, DEMO_ORGANISATIONS)).toThrow(ClassificationListError);
  });

  it('puts a collective rule at each town too when a town-level category has collective co-units', () => {
    const list = DEFAULT_CLASSIFICATION_LIST.map((c) => (c.code === 'wage_arrears' ? { ...c, handledAtTownLevel: true } : c));
    const townRules = buildDefaultRoutingRules(list, DEMO_REGIONS, DEMO_ORGANISATIONS);
    const village = firstOf('village');
    const town = tree.ancestorAtLevel(village, 'town')!;
    const group = resolveRouting({ categoryCode: 'wage_arrears', regionCode: village, headcount: 8 }, townRules, tree)!;
    expect(org(group.leadOrgCode)).toMatchObject({ kind: 'town_government', regionCode: town.code });
    expect(group.coOrgCodes.map((c) => org(c).departmentType)).toEqual(['human_resources', 'housing']);
    const one = resolveRouting({ categoryCode: 'wage_arrears', regionCode: village, headcount: 1 }, townRules, tree)!;
    expect(one.coOrgCodes.map((c) => org(c).departmentType)).toEqual(['human_resources']);
  });

  it('builds one county rule per category, a town rule per town-level category and town, and the collective rule', () => {
    const towns = DEMO_REGIONS.filter((r) => r.level === 'town').length;
    const townLevel = DEFAULT_CLASSIFICATION_LIST.filter((c) => c.handledAtTownLevel).length;
    expect(rules).toHaveLength(DEFAULT_CLASSIFICATION_LIST.length + townLevel * towns + 1);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    expect(rules.every((r) => r.version === VERSION)).toBe(true);
  });
});
