import type { MediatorSeed, OrganisationSeed } from './directory.repository';

/**
 * The demo county (青川县, 330621). Codes are the routing service's (services/routing/src/directory/
 * demo-county.ts) for every organisation it also knows — petition bureau, court, tribunal,
 * procuratorate, police stations, mediation committees, lawyer room — so a handoff names the
 * same organisation in both services. Only the commercial mediation centre is ours alone.
 */
export const DEMO_COUNTY = '330621';

const TOWNS: [suffix: string, name: string, policeName: string, specialities: string[]][] = [
  ['101', '城关镇', '城关', ['neighbourhood', 'marriage_family', 'property_management', 'general']],
  ['102', '东湖街道', '东湖', ['neighbourhood', 'property_management', 'consumer', 'general']],
  ['103', '石桥镇', '石桥', ['neighbourhood', 'land', 'construction', 'general']],
  ['104', '白沙镇', '白沙', ['neighbourhood', 'land', 'marriage_family', 'general']],
  ['105', '柳溪乡', '柳溪', ['neighbourhood', 'land', 'general']],
  ['106', '云岭镇', '云岭', ['neighbourhood', 'land', 'traffic', 'general']],
];

const c = DEMO_COUNTY;

/**
 * Every county department of routing's demo directory (codes and names as there): any unit that
 * holds a petition case may send it to mediation, by hand or through a redirect. Organisations an
 * administrator adds later arrive through routing.directory.changed (directory-changed.handler.ts).
 */
const PETITION_UNITS: [type: string, name: string, nameEn: string][] = [
  ['human_resources', '县人力资源和社会保障局', 'County Human Resources and Social Security Bureau'],
  ['social_insurance', '县社会保险事业管理中心', 'County Social Insurance Administration Centre'],
  ['housing', '县住房和城乡建设局', 'County Housing and Urban-Rural Development Bureau'],
  ['natural_resources', '县自然资源和规划局', 'County Natural Resources and Planning Bureau'],
  ['agriculture', '县农业农村局', 'County Agriculture and Rural Affairs Bureau'],
  ['ecology', '市生态环境局青川分局', 'Ecology and Environment Bureau, Qingchuan Branch'],
  ['education', '县教育局', 'County Education Bureau'],
  ['health', '县卫生健康局', 'County Health Bureau'],
  ['medical_insurance', '县医疗保障局', 'County Medical Insurance Bureau'],
  ['market_regulation', '县市场监督管理局', 'County Market Regulation Bureau'],
  ['transport', '县交通运输局', 'County Transport Bureau'],
  ['public_security', '县公安局', 'County Public Security Bureau'],
  ['civil_affairs', '县民政局', 'County Civil Affairs Bureau'],
  ['justice', '县司法局', 'County Justice Bureau'],
  ['water', '县水利局', 'County Water Resources Bureau'],
  ['urban_management', '县综合行政执法局', 'County Comprehensive Law Enforcement Bureau'],
  ['emergency', '县应急管理局', 'County Emergency Management Bureau'],
  ['finance', '县财政局', 'County Finance Bureau'],
  ['veterans_affairs', '县退役军人事务局', 'County Veterans Affairs Bureau'],
  ['political_legal', '县委政法委员会', 'County Political and Legal Affairs Commission'],
];

export const DEMO_MEDIATION_ORGANISATIONS: OrganisationSeed[] = [
  { code: 'dept_petition', name: '县信访局', nameEn: 'County Petition Bureau', kind: 'petition_office', regionCode: c, specialities: [] },
  // Petition work also hands cases over from the command centre and from the units that hold them (访调 from routing).
  { code: `command_${c}`, name: '县社会治理综合指挥中心', nameEn: 'County Social Governance Command Centre', kind: 'petition_office', regionCode: c, specialities: [] },
  ...PETITION_UNITS.map(([type, name, nameEn]): OrganisationSeed => ({ code: `dept_${type}`, name, nameEn, kind: 'petition_office', regionCode: c, specialities: [] })),
  { code: `court_${c}`, name: '青川县人民法院', nameEn: "Qingchuan County People's Court", kind: 'court', regionCode: c, specialities: [] },
  { code: `tribunal_${c}103`, name: '青川县人民法院石桥人民法庭', nameEn: "Shiqiao People's Tribunal", kind: 'court', regionCode: `${c}103`, specialities: [] },
  { code: `procuratorate_${c}`, name: '青川县人民检察院', nameEn: "Qingchuan County People's Procuratorate", kind: 'procuratorate', regionCode: c, specialities: [] },
  { code: 'med_labour', name: '县劳动争议人民调解委员会', nameEn: "County Labour Dispute People's Mediation Committee", kind: 'people_mediation_committee', regionCode: c, specialities: ['labour'] },
  { code: 'med_medical', name: '县医疗纠纷人民调解委员会', nameEn: "County Medical Dispute People's Mediation Committee", kind: 'people_mediation_committee', regionCode: c, specialities: ['medical'] },
  { code: 'med_traffic', name: '县道路交通事故人民调解委员会', nameEn: "County Traffic Accident People's Mediation Committee", kind: 'people_mediation_committee', regionCode: c, specialities: ['traffic'] },
  { code: `lawyer_room_${c}`, name: '县信访超市律师调解室', nameEn: 'Lawyer Mediation Room of the County Petition Supermarket', kind: 'lawyer_mediation_room', regionCode: c, specialities: ['general', 'labour', 'land', 'commercial'] },
  { code: `med_commercial_${c}`, name: '青川县商事调解中心（特邀调解组织）', nameEn: 'Qingchuan Commercial Mediation Centre (specially invited)', kind: 'professional_mediation_organisation', regionCode: c, specialities: ['commercial', 'consumer', 'construction'] },
  ...TOWNS.flatMap(([suffix, townName, policeName, specialities]): OrganisationSeed[] => [
    // A town government holds the petition cases of its area and may be the unit a 访调 is redirected from.
    { code: `town_${c}${suffix}`, name: `${townName}人民政府`, nameEn: `${townName} Government`, kind: 'petition_office', regionCode: c + suffix, specialities: [] },
    { code: `ps_${c}${suffix}`, name: `县公安局${policeName}派出所`, nameEn: `${townName} Police Station`, kind: 'police_station', regionCode: c + suffix, specialities: [] },
    { code: `med_${c}${suffix}`, name: `${townName}人民调解委员会`, nameEn: `${townName} People's Mediation Committee`, kind: 'people_mediation_committee', regionCode: c + suffix, specialities },
  ]),
];

const PEOPLE: [orgCode: string, names: [string, string[]][]][] = [
  ['med_labour', [['周建华', ['labour']], ['吴丽萍', ['labour', 'construction']]]],
  ['med_medical', [['郑国栋', ['medical']], ['孙慧敏', ['medical']]]],
  ['med_traffic', [['冯志强', ['traffic']], ['陈晓燕', ['traffic', 'consumer']]]],
  [`lawyer_room_${c}`, [['刘律师（刘振宇）', ['general', 'labour', 'commercial']], ['黄律师（黄雅琴）', ['land', 'marriage_family']]]],
  [`med_commercial_${c}`, [['钱思远', ['commercial', 'construction']]]],
  [`med_${c}101`, [['王桂兰', ['neighbourhood', 'marriage_family']], ['李德明', ['neighbourhood', 'property_management']]]],
  [`med_${c}102`, [['赵文静', ['property_management', 'consumer']], ['杨立新', ['neighbourhood']]]],
  [`med_${c}103`, [['何永福', ['land', 'neighbourhood']], ['徐春梅', ['construction', 'general']]]],
  [`med_${c}104`, [['朱海涛', ['land', 'neighbourhood']], ['马秀珍', ['marriage_family']]]],
  [`med_${c}105`, [['胡长根', ['land', 'neighbourhood']]]],
  [`med_${c}106`, [['林水生', ['land', 'traffic']], ['高玉兰', ['neighbourhood']]]],
];

export const DEMO_MEDIATORS: MediatorSeed[] = PEOPLE.flatMap(([orgCode, people]) =>
  people.map(([name, specialities], i) => ({ id: `mdr_${orgCode.replace(/^med_/, '')}_${i + 1}`, orgCode, name, specialities })),
);
