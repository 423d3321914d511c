import type { CategoryDefinition } from '@yikouban/contracts';

/** A category an administrator adds to the shipped list: platform (gig) workers' pay. */
export const GIG: CategoryDefinition = {
  code: 'gig_platform_labour',
  name: '平台用工劳动报酬',
  nameEn: 'Platform (gig) work pay',
  matterClass: 'claim',
  statutoryPaths: ['arbitration', 'litigation', 'mediation', 'petition'],
  leadDepartmentType: 'human_resources',
  coDepartmentTypes: ['market_regulation'],
  handledAtTownLevel: false,
  laws: ['《劳动争议调解仲裁法》第二条'],
  defaultComplexity: 'complex',
  defaultColour: 'yellow',
  keywords: ['外卖骑手', '平台扣款'],
};
