import { DEFAULT_CLASSIFICATION_LIST } from '../classification/default-classification-list';
import { DEMO_COUNTY_CODE, DEMO_ORGANISATIONS, DEMO_REGIONS } from '../directory/demo-county';
import { RegionTree } from '../directory/region-tree';
import { buildDefaultRoutingRules, resolveRouting } from './rule-engine';

const tree = new RegionTree(DEMO_REGIONS);
const rules = buildDefaultRoutingRules(DEFAULT_CLASSIFICATION_LIST, DEMO_REGIONS, DEMO_ORGANISATIONS, 1);
const org = (code: string) => DEMO_ORGANISATIONS.find((o) => o.code === code)!;
const townOf = (code: string) => [tree.get(code), ...tree.ancestorsOf(code)].find((r) => r.level === 'town');

describe('routing rules over the whole default list and every demo region', () => {
  const inCounty = DEMO_REGIONS.filter((r) => tree.isWithin(r.code, DEMO_COUNTY_CODE));

  it.each(DEFAULT_CLASSIFICATION_LIST.map((c) => [c.code, c] as const))('%s routes somewhere sensible everywhere', (_code, category) => {
    for (const region of inCounty) {
      const d = resolveRouting({ categoryCode: category.code, regionCode: region.code, headcount: 1 }, rules, tree);
      expect(d).not.toBeNull();
      const lead = org(d!.leadOrgCode);
      expect(lead).toBeDefined();
      const town = townOf(region.code);
      if (category.handledAtTownLevel && town) {
        expect(lead).toMatchObject({ kind: 'town_government', regionCode: town.code });
        expect(d!.coOrgCodes.map((c) => org(c).departmentType)).toContain(category.leadDepartmentType);
      } else {
        expect(lead.departmentType).toBe(category.leadDepartmentType);
      }
      expect(d!.fellBack).toBe(d!.matchedRegionCode !== region.code);
      expect(d!.ruleVersion).toBe(1);
    }
  });

  it('sends a collective wage-arrears matter in a village to 人社 with 住建 co-handling, an individual one without', () => {
    const village = DEMO_REGIONS.find((r) => r.level === 'village')!.code;
    const collective = resolveRouting({ categoryCode: 'wage_arrears', regionCode: village, headcount: 12 }, rules, tree)!;
    expect(org(collective.leadOrgCode).name).toBe('县人力资源和社会保障局');
    expect(collective.coOrgCodes.map((c) => org(c).name)).toContain('县住房和城乡建设局');
    expect(collective).toMatchObject({ fellBack: true, matchedRegionCode: DEMO_COUNTY_CODE });
    const single = resolveRouting({ categoryCode: 'wage_arrears', regionCode: village, headcount: 1 }, rules, tree)!;
    expect(single.coOrgCodes.map((c) => org(c).departmentType)).not.toContain('housing');
  });

  it('returns null outside the rules (the caller falls back to the petition bureau)', () => {
    expect(resolveRouting({ categoryCode: 'no_such_category', regionCode: DEMO_COUNTY_CODE, headcount: 1 }, rules, tree)).toBeNull();
  });

  it('sends reports against officials to the discipline commission, never to a department', () => {
    const d = resolveRouting({ categoryCode: 'corruption_report', regionCode: `${DEMO_COUNTY_CODE}101201`, headcount: 1 }, rules, tree)!;
    expect(org(d.leadOrgCode).kind).toBe('discipline_commission');
  });
});

describe('the default classification list', () => {
  it('has at least 40 unique categories, petition only ever last, every lead type present in the county', () => {
    const codes = DEFAULT_CLASSIFICATION_LIST.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.length).toBeGreaterThanOrEqual(40);
    for (const c of DEFAULT_CLASSIFICATION_LIST) {
      expect(c.statutoryPaths.length).toBeGreaterThan(0);
      const i = c.statutoryPaths.indexOf('petition');
      if (i >= 0) expect(i).toBe(c.statutoryPaths.length - 1);
      expect(c.laws.length).toBeGreaterThan(0);
      expect(DEMO_ORGANISATIONS.some((o) => o.departmentType === c.leadDepartmentType)).toBe(true);
    }
  });
});

describe('RegionTree', () => {
  it('refuses dangling parents, duplicates and cycles', () => {
    expect(() => new RegionTree([{ code: 'a', name: 'A', level: 'town', parentCode: 'x' }])).toThrow(/unknown parent/);
    expect(() => new RegionTree([{ code: 'a', name: 'A', level: 'town', parentCode: null }, { code: 'a', name: 'A', level: 'town', parentCode: null }])).toThrow(/duplicate/);
    expect(() => new RegionTree([{ code: 'a', name: 'A', level: 'town', parentCode: 'b' }, { code: 'b', name: 'B', level: 'town', parentCode: 'a' }])).toThrow(/cycle/);
  });
});
