import { DEMO_CITY_CODE, DEMO_COUNTY_CODE, DEMO_ORGANISATIONS, DEMO_PETITION_BUREAU_CODE, DEMO_REGIONS } from './demo-county';
import { DEPARTMENT_TYPES, type OrganisationKind } from './directory.types';
import { RegionTree } from './region-tree';

const tree = new RegionTree(DEMO_REGIONS);
const ofLevel = (level: string) => DEMO_REGIONS.filter((r) => r.level === level);
const orgsOf = (kind: OrganisationKind) => DEMO_ORGANISATIONS.filter((o) => o.kind === kind);
const HAN = /^[\u4e00-\u9fff（）]+$/;

describe('the demo county (青川县)', () => {
  it('is one city over one county, with 6–8 towns, 3–5 villages a town and 2–3 grids a village', () => {
    expect(ofLevel('city').map((r) => r.code)).toEqual([DEMO_CITY_CODE]);
    expect(ofLevel('county').map((r) => r.code)).toEqual([DEMO_COUNTY_CODE]);
    const towns = ofLevel('town');
    expect(towns.length).toBeGreaterThanOrEqual(6);
    expect(towns.length).toBeLessThanOrEqual(8);
    for (const t of towns) {
      const villages = tree.childrenOf(t.code);
      expect(villages.length).toBeGreaterThanOrEqual(3);
      expect(villages.length).toBeLessThanOrEqual(5);
      for (const v of villages) {
        expect(v.level).toBe('village');
        const grids = tree.childrenOf(v.code);
        expect(grids.length).toBeGreaterThanOrEqual(2);
        expect(grids.length).toBeLessThanOrEqual(3);
        expect(grids.every((g) => g.level === 'grid')).toBe(true);
      }
    }
  });

  it('uses administrative-style codes: each level extends its parent by three digits', () => {
    expect(DEMO_COUNTY_CODE).toMatch(/^\d{6}$/);
    for (const r of DEMO_REGIONS.filter((x) => x.level !== 'city' && x.level !== 'county')) {
      expect(r.code).toMatch(new RegExp(`^${r.parentCode}\\d{3}$`));
    }
  });

  it('keeps the codes other services and tests already name', () => {
    for (const code of ['330621101', '330621101201', '330621101201001', '330621102202', '330621103202001']) expect(tree.has(code)).toBe(true);
    for (const code of [DEMO_PETITION_BUREAU_CODE, 'court_330621', 'tribunal_330621103', 'procuratorate_330621', 'med_labour', 'lawyer_room_330621', 'ps_330621106', 'med_330621105']) {
      expect(DEMO_ORGANISATIONS.some((o) => o.code === code)).toBe(true);
    }
  });

  it('names every place and unit in Chinese, with an English name beside it', () => {
    for (const r of DEMO_REGIONS) expect(r.name).toMatch(HAN);
    for (const o of DEMO_ORGANISATIONS) {
      expect(o.name).toMatch(HAN);
      expect(o.nameEn).toMatch(/[A-Za-z]{3,}/);
    }
  });

  it('has unique organisation codes, each in a known region', () => {
    const codes = DEMO_ORGANISATIONS.map((o) => o.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const o of DEMO_ORGANISATIONS) expect(tree.has(o.regionCode)).toBe(true);
  });

  it('has exactly one county unit of every department type', () => {
    for (const type of DEPARTMENT_TYPES) {
      expect(DEMO_ORGANISATIONS.filter((o) => o.departmentType === type && o.regionCode === DEMO_COUNTY_CODE)).toHaveLength(1);
    }
    expect(DEMO_ORGANISATIONS.find((o) => o.departmentType === 'petition')).toMatchObject({ code: DEMO_PETITION_BUREAU_CODE, kind: 'petition_bureau' });
    expect(DEMO_ORGANISATIONS.find((o) => o.departmentType === 'discipline')?.kind).toBe('discipline_commission');
  });

  it('gives every town a government, a police station and a mediation committee, and every village its committee', () => {
    for (const t of ofLevel('town')) {
      for (const kind of ['town_government', 'police_station', 'mediation_committee'] as const) {
        expect(orgsOf(kind).filter((o) => o.regionCode === t.code)).toHaveLength(1);
      }
    }
    for (const v of ofLevel('village')) expect(orgsOf('village_committee').filter((o) => o.regionCode === v.code)).toHaveLength(1);
  });

  it('has the county-level justice and oversight bodies: court and tribunal, procuratorate, mediation, joint office', () => {
    const courts = orgsOf('court');
    expect(courts.filter((o) => o.regionCode === DEMO_COUNTY_CODE)).toHaveLength(1);
    expect(courts.filter((o) => o.name.endsWith('人民法庭')).length).toBeGreaterThanOrEqual(1);
    for (const kind of ['procuratorate', 'command_centre', 'joint_conference', 'lawyer_mediation_room'] as const) {
      expect(orgsOf(kind).filter((o) => o.regionCode === DEMO_COUNTY_CODE)).toHaveLength(1);
    }
    const countyCommittees = orgsOf('mediation_committee').filter((o) => o.regionCode === DEMO_COUNTY_CODE).map((o) => o.name);
    for (const speciality of ['劳动争议', '医疗纠纷', '交通事故']) expect(countyCommittees.some((n) => n.includes(speciality))).toBe(true);
  });
});
