import type { ColourPolicy } from './colour-policy';
import type { Complexity, Diversion, StatutoryPath, TriageCategory, TriageDecision, TriageInput } from './triage.types';

/** Large groups make a matter at least difficult (难事细办): more people, more care. */
const DIFFICULT_HEADCOUNT = 20;

const BODY: Record<StatutoryPath, { zh: string; en: string } | null> = {
  litigation: { zh: '人民法院', en: "people's court" },
  arbitration: { zh: '劳动人事争议仲裁委员会等仲裁机构', en: 'arbitration commission' },
  administrative_review: { zh: '行政复议机关', en: 'administrative review organ' },
  administrative_action: { zh: '负有法定职责的行政机关', en: 'the competent administrative organ' },
  mediation: { zh: '人民调解委员会', en: "people's mediation committee" },
  petition: null,
  consultation: null,
};

const PATH_REASON: Record<StatutoryPath, { zh: string; en: string }> = {
  litigation: { zh: '依法应通过诉讼途径解决（法定途径优先）', en: 'a statutory road exists: litigation' },
  arbitration: { zh: '依法应先申请仲裁（法定途径优先）', en: 'a statutory road exists: arbitration first' },
  administrative_review: { zh: '依法可申请行政复议（法定途径优先）', en: 'a statutory road exists: administrative review' },
  administrative_action: { zh: '属行政机关依法履职事项（处罚、许可、裁决）', en: 'an administrative duty: penalty, licence or ruling' },
  mediation: { zh: '适宜先行调解，引导至调解组织', en: 'suited to mediation first' },
  petition: { zh: '无其他法定途径，按信访程序办理（信访兜底）', en: 'no other statutory road: handled as a petition (fallback)' },
  consultation: { zh: '咨询类事项，当场或限时答复', en: 'a consultation: answered on the spot or within the limit' },
};

function diversionFor(category: TriageCategory, input: TriageInput): { diversion: Diversion; reason: { zh: string; en: string } } | null {
  if (input.emergencyTerms.length > 0) {
    return { diversion: 'emergency_110', reason: { zh: '涉及人身财产安全紧急情况，先转110处置', en: 'life or property at risk: to 110 first' } };
  }
  if (category.matterClass === 'accusation') {
    return { diversion: 'discipline_inspection', reason: { zh: '检举控告公职人员，转纪检监察机关（信访工作条例第二十二条）', en: 'an accusation against officials: to discipline inspection (Art 22)' } };
  }
  if (category.code === 'litigation_related') {
    return { diversion: 'political_legal', reason: { zh: '涉法涉诉事项，诉访分离，转政法机关（第二十八条）', en: 'litigation-related: separated from petitions, to the political-legal organs (Art 28)' } };
  }
  if (input.repeatOf && !input.newFacts) {
    return { diversion: 'progress_report', reason: { zh: '重复反映且无新情况，告知办理进度或结果', en: 'a repeat without new facts: told the progress or outcome' } };
  }
  return null;
}

function complexityFor(category: TriageCategory, input: TriageInput, diversion: Diversion | null): Complexity {
  if (diversion === 'emergency_110') return 'urgent';
  if (category.defaultComplexity === 'urgent') return 'urgent';
  if (input.headcount >= DIFFICULT_HEADCOUNT || (input.repeatOf && category.defaultComplexity !== 'simple')) return 'difficult';
  if (input.collective && category.defaultComplexity === 'simple') return 'complex';
  return category.defaultComplexity;
}

/**
 * 甄别分流: 法定优先 — the first statutory road of the category is the road; petition handling
 * only when none other exists; diversions per 接诉即办条例 第十一条. Pure.
 */
export function triage(category: TriageCategory, input: TriageInput, colours: ColourPolicy): TriageDecision {
  const div = diversionFor(category, input);
  const path: StatutoryPath = category.statutoryPaths[0] ?? 'petition';
  const complexity = complexityFor(category, input, div?.diversion ?? null);
  const body = BODY[path];
  return {
    statutoryPath: path,
    reason: div?.reason ?? PATH_REASON[path],
    guidedTo: div ? null : body ? body.zh : null,
    diversion: div?.diversion ?? null,
    complexity,
    colour: colours.colourFor(category, input, complexity),
    colourPolicy: colours.code,
  };
}
