import { ORGANISATION_KINDS, REGION_LEVELS, type OrganisationKindName, type RegionLevelName } from '@yikouban/contracts';

/** From the top of the tree down (the contract's list, shared with the gateway's administration). */
export { REGION_LEVELS, ORGANISATION_KINDS };
export type RegionLevel = RegionLevelName;

export interface RegionSeed {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

export type OrganisationKind = OrganisationKindName;

/**
 * County departments by duty (分管职责): the classification list names these types, never
 * units, so one list serves every county. Labels are the usual county-level names.
 */
export const DEPARTMENT_TYPE_LABELS = {
  human_resources: '人力资源和社会保障局',
  social_insurance: '社会保险事业管理中心',
  housing: '住房和城乡建设局',
  natural_resources: '自然资源和规划局',
  agriculture: '农业农村局',
  ecology: '生态环境分局',
  education: '教育局',
  health: '卫生健康局',
  medical_insurance: '医疗保障局',
  market_regulation: '市场监督管理局',
  transport: '交通运输局',
  public_security: '公安局',
  civil_affairs: '民政局',
  justice: '司法局',
  water: '水利局',
  urban_management: '综合行政执法局（城管）',
  emergency: '应急管理局',
  finance: '财政局',
  veterans_affairs: '退役军人事务局',
  political_legal: '政法委员会',
  discipline: '纪委监委',
  petition: '信访局',
} as const;
export type DepartmentType = keyof typeof DEPARTMENT_TYPE_LABELS;
export const DEPARTMENT_TYPES = Object.keys(DEPARTMENT_TYPE_LABELS) as DepartmentType[];

/**
 * Bodies that investigate officials. An accusation (检举控告, 信访工作条例 第三十条) goes only to
 * these, since any line department, town or village committee may be the one accused.
 */
export const OVERSIGHT_DEPARTMENT_TYPES: readonly DepartmentType[] = ['discipline'];

export interface OrganisationSeed {
  code: string;
  name: string;
  nameEn: string;
  kind: OrganisationKind;
  regionCode: string;
  departmentType?: DepartmentType;
}
