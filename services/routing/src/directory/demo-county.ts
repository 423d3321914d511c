import type { DepartmentType, OrganisationKind, OrganisationSeed, RegionSeed } from './directory.types';

/**
 * A fictional county (青川县) of a fictional city (江州市), with real-looking names and codes in
 * the administrative style: county 6 digits, town +3, village or community +3, grid +3.
 * Codes are shared with other services' demo data (mediation's directory, the e2e scenarios):
 * add places at the end, never renumber.
 */
export const DEMO_CITY_CODE = '330600';
export const DEMO_COUNTY_CODE = '330621';
/** The owner of last resort (信访兜底) when no routing rule matches. */
export const DEMO_PETITION_BUREAU_CODE = 'dept_petition';

interface TownSeed {
  suffix: string;
  name: string;
  /** Villages (村) and communities (社区), in code order: the first is …201. */
  villages: string[];
}

const TOWNS: TownSeed[] = [
  { suffix: '101', name: '城关镇', villages: ['东门社区', '西街社区', '南塘村', '北关社区'] },
  { suffix: '102', name: '东湖街道', villages: ['湖滨社区', '安置房社区', '新河村', '东湖社区', '锦绣社区'] },
  { suffix: '103', name: '石桥镇', villages: ['石桥村', '上垟村', '下洋村', '溪口村'] },
  { suffix: '104', name: '白沙镇', villages: ['白沙村', '沙岗村', '渡口村'] },
  { suffix: '105', name: '柳溪乡', villages: ['柳溪村', '竹坑村', '高山村', '坑口村'] },
  { suffix: '106', name: '云岭镇', villages: ['云岭村', '茶园村', '岭脚村'] },
];

/** Communities are denser than villages: three grids against two. */
const gridCount = (villageName: string): number => (villageName.endsWith('社区') ? 3 : 2);

const DEPARTMENTS: Record<Exclude<DepartmentType, 'discipline'>, [name: string, nameEn: string]> = {
  human_resources: ['县人力资源和社会保障局', 'County Human Resources and Social Security Bureau'],
  social_insurance: ['县社会保险事业管理中心', 'County Social Insurance Administration Centre'],
  housing: ['县住房和城乡建设局', 'County Housing and Urban-Rural Development Bureau'],
  natural_resources: ['县自然资源和规划局', 'County Natural Resources and Planning Bureau'],
  agriculture: ['县农业农村局', 'County Agriculture and Rural Affairs Bureau'],
  ecology: ['市生态环境局青川分局', 'Ecology and Environment Bureau, Qingchuan Branch'],
  education: ['县教育局', 'County Education Bureau'],
  health: ['县卫生健康局', 'County Health Bureau'],
  medical_insurance: ['县医疗保障局', 'County Medical Insurance Bureau'],
  market_regulation: ['县市场监督管理局', 'County Market Regulation Bureau'],
  transport: ['县交通运输局', 'County Transport Bureau'],
  public_security: ['县公安局', 'County Public Security Bureau'],
  civil_affairs: ['县民政局', 'County Civil Affairs Bureau'],
  justice: ['县司法局', 'County Justice Bureau'],
  water: ['县水利局', 'County Water Resources Bureau'],
  urban_management: ['县综合行政执法局', 'County Comprehensive Law Enforcement Bureau'],
  emergency: ['县应急管理局', 'County Emergency Management Bureau'],
  finance: ['县财政局', 'County Finance Bureau'],
  veterans_affairs: ['县退役军人事务局', 'County Veterans Affairs Bureau'],
  political_legal: ['县委政法委员会', 'County Political and Legal Affairs Commission'],
  petition: ['县信访局', 'County Petition Bureau'],
};

const townCode = (t: TownSeed): string => DEMO_COUNTY_CODE + t.suffix;
const villageCode = (t: TownSeed, i: number): string => `${townCode(t)}${201 + i}`;
const gridCode = (village: string, g: number): string => `${village}${String(g).padStart(3, '0')}`;
/** 城关镇 → 城关, 东湖街道 → 东湖: the short name police stations and tribunals carry. */
const shortName = (townName: string): string => townName.replace(/(镇|乡|街道)$/, '');

function buildRegions(): RegionSeed[] {
  const regions: RegionSeed[] = [
    { code: DEMO_CITY_CODE, name: '江州市', level: 'city', parentCode: null },
    { code: DEMO_COUNTY_CODE, name: '青川县', level: 'county', parentCode: DEMO_CITY_CODE },
  ];
  for (const town of TOWNS) {
    regions.push({ code: townCode(town), name: town.name, level: 'town', parentCode: DEMO_COUNTY_CODE });
    town.villages.forEach((villageName, i) => {
      const village = villageCode(town, i);
      regions.push({ code: village, name: villageName, level: 'village', parentCode: townCode(town) });
      for (let g = 1; g <= gridCount(villageName); g++) {
        regions.push({ code: gridCode(village, g), name: `${villageName}第${'一二三'[g - 1]}网格`, level: 'grid', parentCode: village });
      }
    });
  }
  return regions;
}

function countyOrganisations(): OrganisationSeed[] {
  const c = DEMO_COUNTY_CODE;
  const org = (code: string, name: string, nameEn: string, kind: OrganisationKind, extra: Partial<OrganisationSeed> = {}): OrganisationSeed => ({ code, name, nameEn, kind, regionCode: c, ...extra });
  const departments = (Object.entries(DEPARTMENTS) as [DepartmentType, [string, string]][]).map(([type, [name, nameEn]]) =>
    org(`dept_${type}`, name, nameEn, type === 'petition' ? 'petition_bureau' : 'department', { departmentType: type }),
  );
  return [
    ...departments,
    org('dept_discipline', '县纪委监委', 'County Discipline Inspection and Supervision Commission', 'discipline_commission', { departmentType: 'discipline' }),
    org(`command_${c}`, '县社会治理综合指挥中心', 'County Social Governance Command Centre', 'command_centre'),
    org(`joint_office_${c}`, '县信访工作联席会议办公室', 'County Joint Conference Office on Petitions', 'joint_conference'),
    org(`court_${c}`, '青川县人民法院', "Qingchuan County People's Court", 'court'),
    org(`procuratorate_${c}`, '青川县人民检察院', "Qingchuan County People's Procuratorate", 'procuratorate'),
    org('med_labour', '县劳动争议人民调解委员会', "County Labour Dispute People's Mediation Committee", 'mediation_committee'),
    org('med_medical', '县医疗纠纷人民调解委员会', "County Medical Dispute People's Mediation Committee", 'mediation_committee'),
    org('med_traffic', '县道路交通事故人民调解委员会', "County Traffic Accident People's Mediation Committee", 'mediation_committee'),
    org(`lawyer_room_${c}`, '县信访超市律师调解室', 'Lawyer Mediation Room of the County Petition Supermarket', 'lawyer_mediation_room'),
  ];
}

function townOrganisations(town: TownSeed): OrganisationSeed[] {
  const t = townCode(town);
  const short = shortName(town.name);
  const villages = town.villages.map((villageName, i): OrganisationSeed => {
    const committee = villageName.endsWith('社区') ? '居民委员会' : '村民委员会';
    const village = villageCode(town, i);
    return { code: `vc_${village}`, name: `${villageName}${committee}`, nameEn: `${villageName} Committee`, kind: 'village_committee', regionCode: village };
  });
  return [
    { code: `town_${t}`, name: `${town.name}人民政府`, nameEn: `${town.name} Government`, kind: 'town_government', regionCode: t },
    { code: `ps_${t}`, name: `县公安局${short}派出所`, nameEn: `${town.name} Police Station`, kind: 'police_station', regionCode: t },
    { code: `med_${t}`, name: `${town.name}人民调解委员会`, nameEn: `${town.name} People's Mediation Committee`, kind: 'mediation_committee', regionCode: t },
    ...villages,
  ];
}

function buildOrganisations(): OrganisationSeed[] {
  const shiqiao = `${DEMO_COUNTY_CODE}103`;
  return [
    ...countyOrganisations(),
    ...TOWNS.flatMap(townOrganisations),
    // The one 人民法庭 sits in the hill towns' centre; mediation's demo data names it too.
    { code: `tribunal_${shiqiao}`, name: '青川县人民法院石桥人民法庭', nameEn: "Shiqiao People's Tribunal", kind: 'court', regionCode: shiqiao },
  ];
}

export const DEMO_REGIONS: RegionSeed[] = buildRegions();
export const DEMO_ORGANISATIONS: OrganisationSeed[] = buildOrganisations();
