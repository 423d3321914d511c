import type { WorkingCalendar } from '@yikouban/calendar';
import { DeadlinePolicyError } from './deadline-policy.errors';
import type { DeadlinePolicy, DeadlineUnit, PolicyCriteria } from './deadline-policy.types';
import { bindingPolicies, requirePolicy, selectedOf } from './select-policy';

const HOUR_MS = 3_600_000;

function after(unit: DeadlineUnit, amount: number, from: Date, calendar: WorkingCalendar): Date {
  switch (unit) {
    case 'natural_days':
      return calendar.addNaturalDaysStatutory(from, amount);
    case 'working_days':
      return calendar.addWorkingDays(from, amount);
    case 'working_hours':
      return calendar.addWorkingHours(from, amount);
    case 'hours':
      return new Date(from.getTime() + amount * HOUR_MS);
  }
}

/**
 * When the policy's time runs out for a clock started at `startedAt`: day periods end at 24:00
 * Beijing time (natural days by the statutory holiday rule, see WorkingCalendar), working hours
 * and hours at the exact instant.
 */
export function computeDeadline(policy: DeadlinePolicy, startedAt: Date, calendar: WorkingCalendar): Date {
  return after(policy.unit, policy.amount, startedAt, calendar);
}

/**
 * The deadline after one more approved extension of `amount` (default: the most the policy
 * allows), counted from the end of the current period: day periods continue from its last day
 * (信访工作条例 第三十四条: at most one extension of at most 30 days).
 */
export function extendDeadline(
  policy: DeadlinePolicy,
  dueAt: Date,
  calendar: WorkingCalendar,
  opts: { extensionsUsed: number; amount?: number },
): Date {
  const max = policy.extensionAmount;
  if (!policy.maxExtensions || max === undefined || opts.extensionsUsed >= policy.maxExtensions) {
    throw new DeadlinePolicyError('extension_not_allowed', `该期限不能再延长 / ${policy.code} allows no further extension`);
  }
  const amount = opts.amount ?? max;
  const whole = policy.unit === 'natural_days' || policy.unit === 'working_days';
  if (!(amount > 0) || amount > max || (whole && !Number.isInteger(amount))) {
    throw new DeadlinePolicyError('extension_too_long', `延长期限须大于0且不超过${max} / Extension must be > 0 and ≤ ${max}`);
  }
  // 24:00 of the last day is 00:00 of the next; day counts must start from the last day itself
  const from = whole ? new Date(dueAt.getTime() - 1) : dueAt;
  return after(policy.unit, amount, from, calendar);
}

export interface ResolvedDeadline {
  /** The policy named for the step (selectPolicy). */
  selected: DeadlinePolicy;
  /** The binding policy whose deadline comes first; the clock runs on it. */
  governing: DeadlinePolicy;
  dueAt: Date;
}

/**
 * The deadline a clock runs on: the earliest among every binding policy (bindingPolicies), so a
 * local rule can never give more time than the statutory one even where their units cannot be
 * compared without the calendar. On a tie the more local policy governs.
 */
export function resolveDeadline(
  policies: readonly DeadlinePolicy[],
  criteria: PolicyCriteria,
  startedAt: Date,
  calendar: WorkingCalendar,
): ResolvedDeadline {
  const chain = bindingPolicies(policies, criteria);
  const selected = requirePolicy(selectedOf(chain), criteria);
  let best = { governing: selected, dueAt: computeDeadline(selected, startedAt, calendar) };
  for (const p of chain.reverse()) {
    const dueAt = computeDeadline(p, startedAt, calendar);
    if (dueAt.getTime() < best.dueAt.getTime()) best = { governing: p, dueAt };
  }
  return { selected, ...best };
}
