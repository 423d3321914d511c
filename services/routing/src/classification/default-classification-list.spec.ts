import { DEMO_COUNTY_CODE, DEMO_ORGANISATIONS } from '../directory/demo-county';
import { OVERSIGHT_DEPARTMENT_TYPES } from '../directory/directory.types';
import type { CategorySeed } from './classification.types';
import { DEFAULT_CLASSIFICATION_LIST, DEFAULT_CLASSIFICATION_VERSION } from './default-classification-list';
import { classificationListProblems } from './validate-classification-list';

const list = DEFAULT_CLASSIFICATION_LIST;
const byCode = new Map(list.map((c) => [c.code, c]));
const cat = (code: string): CategorySeed => {
  const c = byCode.get(code);
  if (!c) throw new Error(`the default list lacks ${code}`);
  return c;
};

describe('the default classification list (依法分类处理清单)', () => {
  it('has at least 40 categories with unique codes, version 1', () => {
    expect(list.length).toBeGreaterThanOrEqual(40);
    expect(byCode.size).toBe(list.length);
    expect(DEFAULT_CLASSIFICATION_VERSION).toBe(1);
  });

  it('breaks none of the list rules', () => {
    expect(classificationListProblems(list)).toEqual([]);
  });

  it('gives every category a road, and the petition road only ever last (法定优先、信访兜底)', () => {
    for (const c of list) {
      expect(c.statutoryPaths.length).toBeGreaterThan(0);
      const i = c.statutoryPaths.indexOf('petition');
      if (i >= 0) expect(i).toBe(c.statutoryPaths.length - 1);
    }
  });

  it('sends accusations only to oversight bodies, never to a unit that may be the accused (第三十条)', () => {
    const accusations = list.filter((c) => c.matterClass === 'accusation');
    expect(accusations.length).toBeGreaterThanOrEqual(2);
    for (const c of accusations) {
      expect(OVERSIGHT_DEPARTMENT_TYPES).toContain(c.leadDepartmentType);
      for (const t of c.coDepartmentTypes) expect(OVERSIGHT_DEPARTMENT_TYPES).toContain(t);
      expect(c.handledAtTownLevel).toBe(false);
    }
  });

  it('names only department types the demo county has', () => {
    const countyTypes = new Set(DEMO_ORGANISATIONS.filter((o) => o.regionCode === DEMO_COUNTY_CODE).map((o) => o.departmentType));
    for (const c of list) for (const t of [c.leadDepartmentType, ...c.coDepartmentTypes]) expect(countyTypes).toContain(t);
  });

  it('covers the matters the brief names, each with the right lead and road', () => {
    const required = [
      'wage_arrears', 'labour_contract', 'social_insurance', 'land_acquisition', 'rural_contracted_land', 'homestead', 'housing_quality',
      'unfinished_buildings', 'property_management', 'demolition', 'neighbour_dispute', 'livestock_nuisance', 'noise', 'odour',
      'water_pollution', 'air_pollution', 'school_closure', 'school_enrolment', 'medical_dispute', 'consumer_complaint', 'traffic',
      'traffic_accident', 'public_security', 'corruption_report', 'litigation_related', 'policy_consultation', 'suggestion',
      'heating_gas', 'water_supply', 'road_repair', 'minimum_living_allowance', 'pension', 'veterans_affairs', 'food_safety',
      'illegal_construction', 'environmental_sanitation', 'rural_roads', 'disaster_relief', 'marriage_family', 'debt_dispute',
      'enterprise_restructuring', 'agricultural_subsidy',
    ];
    for (const code of required) expect(byCode.has(code)).toBe(true);
    expect(cat('wage_arrears')).toMatchObject({ leadDepartmentType: 'human_resources', matterClass: 'claim', handledAtTownLevel: false });
    expect(cat('wage_arrears').laws).toContain('《保障农民工工资支付条例》第三十条');
    expect(cat('corruption_report')).toMatchObject({ matterClass: 'accusation', leadDepartmentType: 'discipline' });
    expect(cat('litigation_related')).toMatchObject({ leadDepartmentType: 'political_legal', statutoryPaths: ['litigation'] });
    expect(cat('policy_consultation').statutoryPaths).toEqual(['consultation']);
    expect(cat('suggestion').matterClass).toBe('suggestion');
    for (const code of ['neighbour_dispute', 'livestock_nuisance']) expect(cat(code).handledAtTownLevel).toBe(true);
  });

  it('uses all three matter classes and every statutory road somewhere', () => {
    expect(new Set(list.map((c) => c.matterClass))).toEqual(new Set(['suggestion', 'accusation', 'claim']));
    const roads = new Set(list.flatMap((c) => c.statutoryPaths));
    for (const p of ['litigation', 'arbitration', 'administrative_review', 'administrative_action', 'mediation', 'petition', 'consultation']) expect(roads).toContain(p);
  });

  it('cites laws by their title and gives Chinese keywords for text classification', () => {
    for (const c of list) {
      for (const law of c.laws) expect(law).toMatch(/^《[^》]+》(第[一二三四五六七八九十百千零]+条)?(（[^）]+）)?$/);
      expect(c.keywords.length).toBeGreaterThanOrEqual(3);
      for (const k of c.keywords) expect(k).toMatch(/^[\u4e00-\u9fff]+$/);
      expect(c.name).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
