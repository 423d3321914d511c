import { DEFAULT_WARN_AT, type DeadlinePolicy } from './deadline-policy.types';

/** The demo county of the seed data. */
export const DEMO_JURISDICTION = '330621';

const DEMO = '示范县规则（演示数据）';
const HOTLINE_STANDARD = `${DEMO}，参照《北京市12345市民服务热线服务规范》（征求意见稿，2021）`;

const local = (
  jurisdiction: string,
  p: Omit<DeadlinePolicy, 'jurisdiction' | 'warnAt' | 'code'> & { code: string; warnAt?: readonly number[] },
): DeadlinePolicy => ({ ...p, code: `${jurisdiction}_${p.code}`, warnAt: p.warnAt ?? DEFAULT_WARN_AT, jurisdiction });

/**
 * A county's stricter rules on top of the statutory ones (急事急办、简事快办、繁事精办、难事细办).
 * These are demo data for one county, modelled on published local practice; a real county enters
 * its own through the administration screens.
 */
export function demoCountyPolicies(jurisdiction: string = DEMO_JURISDICTION): DeadlinePolicy[] {
  return [
    local(jurisdiction, {
      code: 'first_time_feedback_7d',
      name: '初信初访领导接访并反馈',
      nameEn: 'First-time grievance: leader reception and feedback',
      appliesTo: 'feedback',
      unit: 'natural_days',
      amount: 7,
      when: { firstTime: true },
      source: `${DEMO}，参照海门市初信初访“领导接访、7日内反馈”做法`,
    }),
    local(jurisdiction, {
      code: 'consultation_half_day',
      name: '咨询类事项半个工作日内答复',
      nameEn: 'Consultations answered within half a working day',
      appliesTo: 'handling',
      unit: 'working_hours',
      amount: 3.5,
      when: { kind: ['consultation'] },
      source: `${DEMO}：咨询类诉求半个工作日内答复`,
    }),
    local(jurisdiction, {
      code: 'simple_same_day',
      name: '简单事项当日办结',
      nameEn: 'Simple matters closed the same day',
      appliesTo: 'handling',
      unit: 'working_days',
      amount: 0,
      when: { complexity: ['simple'] },
      source: `${DEMO}：简事快办，当日办结`,
    }),
    local(jurisdiction, {
      code: 'complex_plan_same_day',
      name: '复杂事项当日拿出初步处置方案',
      nameEn: 'Complex matters: a preliminary plan the same day',
      appliesTo: 'preliminary_plan',
      unit: 'working_days',
      amount: 0,
      when: { complexity: ['complex', 'difficult'] },
      source: `${DEMO}：繁事精办、难事细办，当日拿出初步处置方案`,
    }),
    local(jurisdiction, {
      code: 'hotline_risk_2h',
      name: '危及生命财产安全的诉求2小时内反馈',
      nameEn: 'Life or property at risk: feedback within 2 hours',
      appliesTo: 'feedback',
      unit: 'hours',
      amount: 2,
      when: { kind: ['life_or_property_risk'] },
      source: HOTLINE_STANDARD,
    }),
    local(jurisdiction, {
      code: 'hotline_utilities_24h',
      name: '水电气热诉求24小时内反馈',
      nameEn: 'Water, power, gas, heating: feedback within 24 hours',
      appliesTo: 'feedback',
      unit: 'hours',
      amount: 24,
      when: { kind: ['utilities'] },
      source: HOTLINE_STANDARD,
    }),
    local(jurisdiction, {
      code: 'hotline_general_7d',
      name: '一般诉求7日内反馈',
      nameEn: 'General matters: feedback within 7 days',
      appliesTo: 'feedback',
      unit: 'natural_days',
      amount: 7,
      source: HOTLINE_STANDARD,
    }),
    local(jurisdiction, {
      code: 'hotline_complex_15d',
      name: '复杂诉求15日内反馈',
      nameEn: 'Complex matters: feedback within 15 days',
      appliesTo: 'feedback',
      unit: 'natural_days',
      amount: 15,
      when: { complexity: ['complex', 'difficult'] },
      source: HOTLINE_STANDARD,
    }),
    local(jurisdiction, {
      code: 'return_visit_3wd',
      name: '答复后3个工作日内回访',
      nameEn: 'Return visit within 3 working days of the answer',
      appliesTo: 'return_visit',
      unit: 'working_days',
      amount: 3,
      source: `${DEMO}，参照《北京市接诉即办工作条例》第二十三条（办理期限届满后回访）`,
    }),
  ];
}

export const LOCAL_POLICIES: readonly DeadlinePolicy[] = demoCountyPolicies();
