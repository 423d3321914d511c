import type { CategorySeed } from '../classification.types';
import { PETITION_REGS } from './law-refs';

/**
 * Civil disputes between people, accusations against officials, litigation-related matters,
 * consultations and suggestions.
 */
export const DISPUTES_AND_OVERSIGHT: CategorySeed[] = [
  {
    code: 'neighbour_dispute', name: '邻里纠纷', nameEn: 'Neighbour disputes', matterClass: 'claim',
    statutoryPaths: ['mediation', 'litigation', 'petition'],
    leadDepartmentType: 'justice', coDepartmentTypes: [], handledAtTownLevel: true,
    laws: ['《人民调解法》第十八条', '《民法典》第二百八十八条'],
    defaultComplexity: 'simple', defaultColour: 'green',
    keywords: ['邻居', '邻里', '通行', '采光', '排水', '滴水'],
  },
  {
    code: 'marriage_family', name: '婚姻家庭纠纷', nameEn: 'Marriage and family disputes', matterClass: 'claim',
    statutoryPaths: ['mediation', 'litigation'],
    leadDepartmentType: 'justice', coDepartmentTypes: [], handledAtTownLevel: true,
    laws: ['《民法典》第一千零七十九条', '《人民调解法》第十八条'],
    defaultComplexity: 'simple', defaultColour: 'green',
    keywords: ['离婚', '赡养', '家暴', '抚养', '彩礼'],
  },
  {
    code: 'debt_dispute', name: '民间借贷纠纷', nameEn: 'Debt disputes', matterClass: 'claim',
    statutoryPaths: ['mediation', 'litigation'],
    leadDepartmentType: 'justice', coDepartmentTypes: [], handledAtTownLevel: true,
    laws: ['《民法典》第六百七十五条'],
    defaultComplexity: 'simple', defaultColour: 'green',
    keywords: ['欠款', '借钱不还', '还款', '债务', '欠条'],
  },
  // Accusations (检举控告) go to the discipline commission and no one else: the accused may sit in
  // any department, town or village committee, and the accuser must stay hidden from them (第三十条).
  {
    code: 'corruption_report', name: '检举控告公职人员', nameEn: 'Reports against officials', matterClass: 'accusation',
    statutoryPaths: ['petition'],
    leadDepartmentType: 'discipline', coDepartmentTypes: [], handledAtTownLevel: false,
    laws: [PETITION_REGS.art22, PETITION_REGS.art30, '《监察法》'],
    defaultComplexity: 'complex', defaultColour: 'red',
    keywords: ['贪污', '受贿', '挪用', '腐败', '以权谋私'],
  },
  {
    code: 'village_cadre_misconduct', name: '村干部违纪违法', nameEn: 'Misconduct by village cadres', matterClass: 'accusation',
    statutoryPaths: ['petition'],
    leadDepartmentType: 'discipline', coDepartmentTypes: [], handledAtTownLevel: false,
    laws: [PETITION_REGS.art22, PETITION_REGS.art30, '《监察法》', '《村民委员会组织法》'],
    defaultComplexity: 'complex', defaultColour: 'orange',
    keywords: ['村干部', '村支书', '村务不公开', '优亲厚友', '侵占集体'],
  },
  {
    code: 'official_misconduct', name: '干部作风问题', nameEn: 'Conduct and inaction of officials', matterClass: 'accusation',
    statutoryPaths: ['petition'],
    leadDepartmentType: 'discipline', coDepartmentTypes: [], handledAtTownLevel: false,
    laws: [PETITION_REGS.art30, '《公职人员政务处分法》'],
    defaultComplexity: 'complex', defaultColour: 'orange',
    keywords: ['不作为', '乱作为', '推诿扯皮', '吃拿卡要', '乱罚款'],
  },
  {
    code: 'litigation_related', name: '涉法涉诉', nameEn: 'Litigation-related matters', matterClass: 'claim',
    // 诉访分离: only the judicial road; the political-legal commission sees that it is taken.
    statutoryPaths: ['litigation'],
    leadDepartmentType: 'political_legal', coDepartmentTypes: [], handledAtTownLevel: false,
    laws: [PETITION_REGS.art20, PETITION_REGS.art22, PETITION_REGS.art28],
    defaultComplexity: 'complex', defaultColour: 'orange',
    keywords: ['判决', '执行难', '法院', '再审', '申诉', '裁定'],
  },
  {
    code: 'policy_consultation', name: '政策咨询', nameEn: 'Policy consultation', matterClass: 'suggestion',
    statutoryPaths: ['consultation'],
    leadDepartmentType: 'petition', coDepartmentTypes: [], handledAtTownLevel: false,
    laws: ['《北京市接诉即办工作条例》第十一条'],
    defaultComplexity: 'simple', defaultColour: 'blue',
    keywords: ['咨询', '政策', '怎么办理', '请问', '需要什么材料'],
  },
  {
    code: 'suggestion', name: '意见建议', nameEn: 'Suggestions', matterClass: 'suggestion',
    statutoryPaths: ['petition'],
    leadDepartmentType: 'petition', coDepartmentTypes: [], handledAtTownLevel: false,
    laws: [PETITION_REGS.art29],
    defaultComplexity: 'simple', defaultColour: 'blue',
    keywords: ['建议', '意见', '希望', '提议'],
  },
];
