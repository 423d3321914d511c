/**
 * The statutory handling deadline: 60 days from acceptance (信访工作条例 第三十四条). The
 * working-day calendar and local stricter policies replace this in the supervision issue.
 */
export const HANDLING_POLICY = { code: 'handling_60d', step: 'handling', days: 60, source: '《信访工作条例》第三十四条', warnShares: [0.5, 0.8] } as const;

export function handlingDueAt(startedAt: Date): Date {
  return new Date(startedAt.getTime() + HANDLING_POLICY.days * 24 * 3600 * 1000);
}
