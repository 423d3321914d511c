import { ChineseDaysSource, WorkingCalendar } from '@yikouban/calendar';
import type { HandoffKind, HandoffRoute, LitigationProcedure, LitigationStage } from './handoff.types';

export type TimeUnit = 'natural_days' | 'working_days';

export interface TimeLimitExtensionRule {
  requires: 'parties_consent' | 'court_president_approval';
  /** Absent when the source sets no upper bound. */
  maxAmount?: number;
}

/** A deadline as data: how long, in which days, and the rule it comes from. */
export interface TimeLimit {
  amount: number;
  unit: TimeUnit;
  source: string;
  extension?: TimeLimitExtensionRule;
}

const ONLINE_RULES = '《人民法院在线调解规则》(法释〔2021〕23号)';
const CONFIRMATION_RULES = '《最高人民法院关于人民调解协议司法确认程序的若干规定》(法释〔2011〕5号)';

/**
 * Statutory and customary defaults. A jurisdiction may ship stricter ones: requestHandoff takes a
 * time limit that overrides these, and the supervision service owns working-day calendars.
 */
export const MEDIATION_TIME_LIMITS = {
  /** 委派调解 before the case is filed. */
  preFilingMediation: {
    amount: 30,
    unit: 'natural_days',
    source: `${ONLINE_RULES} 第二十四条：立案前委派调解期限为30日，经各方当事人同意可以延长`,
    extension: { requires: 'parties_consent' },
  },
  postFilingOrdinary: {
    amount: 15,
    unit: 'natural_days',
    source: `${ONLINE_RULES} 第二十四条：立案后委托调解（普通程序）期限为15日，经各方当事人同意可以延长`,
    extension: { requires: 'parties_consent' },
  },
  postFilingSimple: {
    amount: 7,
    unit: 'natural_days',
    source: `${ONLINE_RULES} 第二十四条：适用简易程序的委托调解期限为7日，经各方当事人同意可以延长`,
    extension: { requires: 'parties_consent' },
  },
  /**
   * 人民调解法 sets no period. The Ministry of Justice's 2002 rules say a dispute is "generally settled
   * within one month", which local rules (e.g. Hubei, Sichuan) repeat; we count it as 30 days and,
   * like them, allow continuing with both parties' consent.
   */
  peopleMediation: {
    amount: 30,
    unit: 'natural_days',
    source: '司法部《人民调解工作若干规定》(2002) 第三十三条：人民调解委员会调解纠纷，一般在一个月内调结（按30日计）；经双方当事人同意可以继续调解',
    extension: { requires: 'parties_consent' },
  },
  /** The receiving organisation confirms or declines a handoff. */
  handoffAcceptance: {
    amount: 3,
    unit: 'working_days',
    source: `${ONLINE_RULES} 第十二条：调解组织或者调解员在三个工作日内确认是否接受委派、委托`,
  },
  mediatorAppointment: {
    amount: 3,
    unit: 'working_days',
    source: `${ONLINE_RULES} 第十条：人民法院在三个工作日内指定调解员`,
  },
  partiesAgreeOnMediator: {
    amount: 2,
    unit: 'natural_days',
    source: `${ONLINE_RULES} 第十条：当事人在二日内协商选定调解员`,
  },
  contactOtherParty: {
    amount: 3,
    unit: 'working_days',
    source: `${ONLINE_RULES} 第十五条：调解员在三个工作日内联系被申请人`,
  },
  judicialConfirmationApplication: {
    amount: 30,
    unit: 'natural_days',
    source: '《中华人民共和国人民调解法》第三十三条：自调解协议生效之日起三十日内共同申请司法确认',
  },
  judicialConfirmationAcceptance: {
    amount: 3,
    unit: 'natural_days',
    source: `${CONFIRMATION_RULES} 第四条：人民法院收到申请后三日内决定是否受理`,
  },
  judicialConfirmationDecision: {
    amount: 15,
    unit: 'natural_days',
    source: `${CONFIRMATION_RULES} 第五条：受理之日起十五日内作出是否确认的决定；特殊情况经院长批准可延长十日`,
    extension: { requires: 'court_president_approval', maxAmount: 10 },
  },
} as const satisfies Record<string, TimeLimit>;

export type MediationTimeLimitName = keyof typeof MEDIATION_TIME_LIMITS;

/**
 * The mediation period for a handoff. Post-filing mediation without a known procedure counts as
 * ordinary procedure (Art 24 gives 15 days as the general rule, 7 days for simple procedure).
 */
export function timeLimitFor(kind: HandoffKind, stage?: LitigationStage, procedure?: LitigationProcedure): TimeLimit {
  if (kind !== 'litigation_mediation') return MEDIATION_TIME_LIMITS.peopleMediation;
  if (stage === undefined) throw new RangeError('诉调对接须指明委派或委托阶段 (litigation mediation needs a stage)');
  if (stage === 'pre_filing') return MEDIATION_TIME_LIMITS.preFilingMediation;
  return procedure === 'simple' ? MEDIATION_TIME_LIMITS.postFilingSimple : MEDIATION_TIME_LIMITS.postFilingOrdinary;
}

export function timeLimitForRoute(route: HandoffRoute): TimeLimit {
  if (route.kind !== 'litigation_mediation') return timeLimitFor(route.kind);
  return route.stage === 'pre_filing' ? timeLimitFor(route.kind, 'pre_filing') : timeLimitFor(route.kind, 'post_filing', route.procedure);
}

/** China keeps one offset all year (no daylight saving). */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/**
 * The first instant after a period of `days` natural days that starts at `start`, in China time.
 * The starting day is not counted and the period ends at 24:00 of its last day (民事诉讼法 Art 85).
 * The rule that a period ending on a holiday runs to the next working day needs a calendar; it is
 * left to the supervision service, so this end is never later than the statutory one.
 */
export function naturalDaysEnd(start: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a non-negative integer, got ${days}`);
  const localMidnight = Math.floor((start.getTime() + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS;
  return new Date(localMidnight + (days + 1) * DAY_MS);
}

/**
 * The shared working-day calendar: the State Council's holidays and 调休 make-up days. Mediation
 * keeps no jurisdiction overrides of its own; supervision's clocks apply the administrator's.
 */
export const MEDIATION_CALENDAR = new WorkingCalendar(new ChineseDaysSource());

/**
 * The exclusive end of a time limit that starts at `start`. Working days skip weekends and
 * holidays and count make-up days; the starting day is not counted and the period ends at 24:00
 * China time of its last working day (e.g. accept within 3 working days, 第十二条).
 */
export function timeLimitEnd(start: Date, limit: Pick<TimeLimit, 'amount' | 'unit'>, calendar: WorkingCalendar = MEDIATION_CALENDAR): Date {
  return limit.unit === 'natural_days' ? naturalDaysEnd(start, limit.amount) : calendar.addWorkingDays(start, limit.amount);
}

/** True once `now` is at or after the exclusive end of a period. */
export function hasEnded(end: Date | string, now: Date): boolean {
  return now.getTime() >= new Date(end).getTime();
}
