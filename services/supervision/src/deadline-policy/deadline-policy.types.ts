import type { Complexity } from '@yikouban/contracts';

/** 急/简/繁/难, as triage decides it. */
export type { Complexity };

/** The step of the closed loop a clock runs for. */
export const DEADLINE_STEPS = [
  'registration', // 登记并转送、交办
  'acceptance_notice', // 告知是否受理
  'misroute_objection', // 对不属于本机关职权范围的转送、交办提出异议
  'handling', // 办理并答复
  'extension', // 延长的办理期限
  'review_request', // 请求复查
  'review_answer', // 复查答复
  'recheck_request', // 请求复核
  'recheck_answer', // 复核答复
  'feedback', // 向群众反馈
  'preliminary_plan', // 拿出初步处置方案
  'mediation', // 调解期限
  'judicial_confirmation_request', // 申请司法确认
  'return_visit', // 答复后回访
] as const;
export type DeadlineStep = (typeof DEADLINE_STEPS)[number];

/**
 * natural_days: 日, counted by the statutory rule (start day excluded, a last day on a holiday
 * moves to the next working day); working_days: 工作日; working_hours: office hours on working
 * days; hours: wall-clock hours, around the clock (12345 emergencies).
 */
export const DEADLINE_UNITS = ['natural_days', 'working_days', 'working_hours', 'hours'] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

/** When a policy applies beyond its step; every condition given must hold. */
export interface PolicyConditions {
  complexity?: readonly Complexity[];
  firstTime?: boolean;
  /** Matter kinds, e.g. consultation, life_or_property_risk, utilities, simple_procedure. */
  kind?: readonly string[];
}

/** A deadline as data, with the text it comes from. */
export interface DeadlinePolicy {
  code: string;
  name: string;
  nameEn: string;
  appliesTo: DeadlineStep;
  unit: DeadlineUnit;
  amount: number;
  source: string;
  /** Shares of the policy time at which to warn; 1.0 is the deadline itself. */
  warnAt: readonly number[];
  /** Region code of the jurisdiction that made the rule; null for a national (statutory) rule. */
  jurisdiction: string | null;
  maxExtensions?: number;
  /** The longest one extension may be, in the policy's unit. */
  extensionAmount?: number;
  when?: PolicyConditions;
  /** What the source adds that the numbers cannot say (time excluded, consent needed …). */
  note?: string;
}

/** What is known about the matter when a clock starts. */
export interface PolicyCriteria {
  appliesTo: DeadlineStep;
  /** The matter's jurisdiction, or its chain nearest first (county, city, province). */
  jurisdiction: string | readonly string[] | null;
  complexity?: Complexity;
  firstTime?: boolean;
  kind?: string;
}

export const DEFAULT_WARN_AT: readonly number[] = [0.5, 0.8, 1.0];
