import type { DepartmentType, OrganisationSeed, RegionSeed } from './directory.types';

/** A fictional county (青川县) of a fictional city, with real-looking names and administrative-style codes. */
export const DEMO_CITY_CODE = '330600';
export const DEMO_COUNTY_CODE = '330621';

const TOWNS: [suffix: string, name: string, villages: string[]][] = [
  ['101', '城关镇', ['东门社区', '西街社区', '南塘村']],
  ['102', '东湖街道', ['湖滨社区', '安置房社区', '新河村']],
  ['103', '石桥镇', ['石桥村', '上垟村', '下洋村']],
  ['104', '白沙镇', ['白沙村', '沙岗村', '渡口村']],
  ['105', '柳溪乡', ['柳溪村', '竹坑村', '高山村']],
  ['106', '云岭镇', ['云岭村', '茶园村', '岭脚村']],
];

const DEPARTMENTS: [type: DepartmentType, name: string, nameEn: string][] = [
  ['human_resources', '县人力资源和社会保障局', 'County Human Resources and Social Security Bureau'],
  ['housing', '县住房和城乡建设局', 'County Housing and Urban-Rural Development Bureau'],
  ['natural_resources', '县自然资源和规划局', 'County Natural Resources and Planning Bureau'],
  ['agriculture', '县农业农村局', 'County Agriculture and Rural Affairs Bureau'],
  ['ecology', '市生态环境局青川分局', 'Ecology and Environment Bureau, Qingchuan Branch'],
  ['education', '县教育局', 'County Education Bureau'],
  ['health', '县卫生健康局', 'County Health Bureau'],
  ['market_regulation', '县市场监督管理局', 'County Market Regulation Bureau'],
  ['transport', '县交通运输局', 'County Transport Bureau'],
  ['public_security', '县公安局', 'County Public Security Bureau'],
  ['civil_affairs', '县民政局', 'County Civil Affairs Bureau'],
  ['justice', '县司法局', 'County Justice Bureau'],
  ['water', '县水利局', 'County Water Resources Bureau'],
  ['urban_management', '县综合行政执法局', 'County Comprehensive Law Enforcement Bureau'],
  ['emergency', '县应急管理局', 'County Emergency Management Bureau'],
  ['finance', '县财政局', 'County Finance Bureau'],
  ['political_legal', '县委政法委员会', 'County Political and Legal Affairs Commission'],
  ['petition', '县信访局', 'County Petition Bureau'],
  ['veterans_affairs', '县退役军人事务局', 'County Veterans Affairs Bureau'],
  ['medical_insurance', '县医疗保障局', 'County Medical Insurance Bureau'],
];

function buildRegions(): RegionSeed[] {
  const regions: RegionSeed[] = [
    { code: DEMO_CITY_CODE, name: '江州市', level: 'city', parentCode: null },
    { code: DEMO_COUNTY_CODE, name: '青川县', level: 'county', parentCode: DEMO_CITY_CODE },
  ];
  for (const [suffix, townName, villages] of TOWNS) {
    const town = DEMO_COUNTY_CODE + suffix;
    regions.push({ code: town, name: townName, level: 'town', parentCode: DEMO_COUNTY_CODE });
    villages.forEach((villageName, i) => {
      const village = `${town}${201 + i}`;
      regions.push({ code: village, name: villageName, level: 'village', parentCode: town });
      for (let g = 1; g <= 2; g++) regions.push({ code: `${village}00${g}`, name: `${villageName}第${g}网格`, level: 'grid', parentCode: village });
    });
  }
  return regions;
}

function buildOrganisations(): OrganisationSeed[] {
  const c = DEMO_COUNTY_CODE;
  const orgs: OrganisationSeed[] = DEPARTMENTS.map(([type, name, nameEn]) => ({
    code: `dept_${type}`,
    name,
    nameEn,
    kind: type === 'petition' ? 'petition_bureau' : 'department',
    regionCode: c,
    departmentType: type,
  }));
  orgs.push(
    { code: 'dept_discipline', name: '县纪委监委', nameEn: 'County Discipline Inspection and Supervision Commission', kind: 'discipline_commission', regionCode: c, departmentType: 'discipline' },
    { code: `command_${c}`, name: '县社会治理综合指挥中心', nameEn: 'County Social Governance Command Centre', kind: 'command_centre', regionCode: c },
    { code: `joint_office_${c}`, name: '县信访工作联席会议办公室', nameEn: 'County Joint Conference Office on Petitions', kind: 'joint_conference', regionCode: c },
    { code: `court_${c}`, name: '青川县人民法院', nameEn: "Qingchuan County People's Court", kind: 'court', regionCode: c },
    { code: `procuratorate_${c}`, name: '青川县人民检察院', nameEn: "Qingchuan County People's Procuratorate", kind: 'procuratorate', regionCode: c },
    { code: 'med_labour', name: '县劳动争议人民调解委员会', nameEn: "County Labour Dispute People's Mediation Committee", kind: 'mediation_committee', regionCode: c },
    { code: 'med_medical', name: '县医疗纠纷人民调解委员会', nameEn: "County Medical Dispute People's Mediation Committee", kind: 'mediation_committee', regionCode: c },
    { code: 'med_traffic', name: '县道路交通事故人民调解委员会', nameEn: "County Traffic Accident People's Mediation Committee", kind: 'mediation_committee', regionCode: c },
    { code: `lawyer_room_${c}`, name: '县信访超市律师调解室', nameEn: 'Lawyer Mediation Room of the County Petition Supermarket', kind: 'lawyer_mediation_room', regionCode: c },
  );
  for (const [suffix, townName, villages] of TOWNS) {
    const town = c + suffix;
    orgs.push(
      { code: `town_${town}`, name: `${townName}人民政府`, nameEn: `${townName} Government`, kind: 'town_government', regionCode: town },
      { code: `ps_${town}`, name: `县公安局${townName.replace(/镇|乡|街道/, '')}派出所`, nameEn: `${townName} Police Station`, kind: 'police_station', regionCode: town },
      { code: `med_${town}`, name: `${townName}人民调解委员会`, nameEn: `${townName} People's Mediation Committee`, kind: 'mediation_committee', regionCode: town },
    );
    villages.forEach((villageName, i) => {
      const village = `${town}${201 + i}`;
      const committee = villageName.endsWith('社区') ? '居民委员会' : '村民委员会';
      orgs.push({ code: `vc_${village}`, name: `${villageName}${committee}`, nameEn: `${villageName} Committee`, kind: 'village_committee', regionCode: village });
    });
  }
  orgs.push({ code: `tribunal_${c}103`, name: '青川县人民法院石桥人民法庭', nameEn: "Shiqiao People's Tribunal", kind: 'court', regionCode: `${c}103` });
  return orgs;
}

export const DEMO_REGIONS: RegionSeed[] = buildRegions();
export const DEMO_ORGANISATIONS: OrganisationSeed[] = buildOrganisations();
