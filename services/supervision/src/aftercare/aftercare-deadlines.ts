import type { ReviewLevel } from '@yikouban/contracts';
import { activeRules, jurisdictionChain } from '../administration/active-rules';
import { resolveDeadline, trySelectPolicy, type DeadlineStep } from '../deadline-policy';

/*
 * The windows and answer times after the reply come from the deadline policies (信访工作条例
 * 第三十五条、第三十六条: 30 days each, counted by the statutory rule), never from constants here:
 * the policies in force when the window opens, counted on the jurisdiction's own calendar.
 */

export interface PlannedDeadline {
  policyCode: string;
  dueAt: Date;
  warnShares: number[];
}

function plan(step: DeadlineStep, from: Date, regionCode: string | null): PlannedDeadline {
  const r = resolveDeadline(activeRules.policiesAt(from), { appliesTo: step, jurisdiction: jurisdictionChain(regionCode) }, from, activeRules.calendarFor(regionCode));
  return { policyCode: r.governing.code, dueAt: r.dueAt, warnShares: r.governing.warnAt.filter((s) => s > 0 && s < 1) };
}

/** The end of the window for asking the next level, counted from the answer it contests. */
export function reviewWindowEnd(level: ReviewLevel, answeredAt: Date, regionCode: string | null): Date {
  return plan(level === 'review' ? 'review_request' : 'recheck_request', answeredAt, regionCode).dueAt;
}

/** When the organ above must answer a 复查 or 复核 request. */
export function reviewAnswerDeadline(level: ReviewLevel, requestedAt: Date, regionCode: string | null): PlannedDeadline {
  return plan(level === 'review' ? 'review_answer' : 'recheck_answer', requestedAt, regionCode);
}

/** The return visit's deadline, or null where no policy of the jurisdiction sets one. */
export function returnVisitDeadline(answeredAt: Date, regionCode: string | null): PlannedDeadline | null {
  const criteria = { appliesTo: 'return_visit' as const, jurisdiction: jurisdictionChain(regionCode) };
  return trySelectPolicy(activeRules.policiesAt(answeredAt), criteria) ? plan('return_visit', answeredAt, regionCode) : null;
}

/** The step name each review level's answer clock runs under. */
export const ANSWER_STEP: Record<ReviewLevel, DeadlineStep> = { review: 'review_answer', recheck: 'recheck_answer' };
