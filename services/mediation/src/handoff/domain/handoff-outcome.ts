import type { HandoffRoute, Label, OtherRoad, SourceFollowUp } from './handoff.types';

/** 人民调解法 Art 26: told to the parties whenever mediation ends without agreement. */
export const OTHER_ROADS: readonly OtherRoad[] = ['arbitration', 'administrative', 'judicial'];

export const OTHER_ROAD_LABELS: Readonly<Record<OtherRoad, Label>> = {
  arbitration: { zh: '依法申请仲裁', en: 'apply for arbitration' },
  administrative: { zh: '依法请求有关行政机关处理', en: 'ask the competent administrative organ' },
  judicial: { zh: '依法向人民法院提起诉讼', en: 'go to court' },
};

export const SOURCE_FOLLOW_UP_LABELS: Readonly<Record<SourceFollowUp, Label>> = {
  close_petition: { zh: '信访事项化解办结', en: 'petition matter closes' },
  continue_petition: { zh: '信访事项继续依法办理', en: 'petition handling continues' },
  no_filing_needed: { zh: '纠纷已化解，无需立案（可申请司法确认）', en: 'settled; no filing needed (judicial confirmation available)' },
  file_case: { zh: '依法登记立案', en: 'the court files the case' },
  mediation_document_or_withdrawal: { zh: '出具调解书或准许撤诉', en: 'court issues a mediation document or allows withdrawal' },
  resume_proceedings: { zh: '恢复审理', en: 'the court resumes proceedings' },
  close_case: { zh: '案件依法办结', en: 'the case closes' },
  resume_case_handling: { zh: '原机关继续依法处理', en: 'the referring organ continues handling the case' },
};

/**
 * What the source does with the outcome: a petition closes or continues; a court files the case or
 * resumes it, or records the settlement (在线调解规则 Art 20, 21); police and procuratorate close or go on.
 */
export function sourceFollowUp(route: HandoffRoute, outcome: 'agreement' | 'failure'): SourceFollowUp {
  const agreed = outcome === 'agreement';
  switch (route.kind) {
    case 'petition_mediation':
      return agreed ? 'close_petition' : 'continue_petition';
    case 'litigation_mediation':
      if (route.stage === 'pre_filing') return agreed ? 'no_filing_needed' : 'file_case';
      return agreed ? 'mediation_document_or_withdrawal' : 'resume_proceedings';
    case 'procuratorate_mediation':
    case 'police_mediation':
      return agreed ? 'close_case' : 'resume_case_handling';
  }
}
