import type { DeadlinePolicy } from './deadline-policy.types';

type Span = Pick<DeadlinePolicy, 'unit' | 'amount'>;

/**
 * Whether `a` can never end later than `b`, for every start instant and every calendar (with
 * the same office hours). Only what follows from the counting rules is claimed:
 * - same unit: the smaller amount (each count is monotonic in its amount);
 * - h hours vs n natural or working days: h ≤ 24·n, since either period lasts at least n whole days;
 * - n natural days vs m working days: n ≤ m, since the m-th working day after the start day is at
 *   least the (start + m)-th day and is itself a working day, where a natural period may stop;
 * - 0 working days (the same day) vs any natural days: both end on a working day, the first at the
 *   earliest one possible.
 * Everything else (working hours against days, working days against natural days) depends on the
 * calendar and is left to resolveDeadline, which compares the actual instants.
 */
export function provablyNoLaterThan(a: Span, b: Span): boolean {
  if (a.unit === b.unit) return a.amount <= b.amount;
  const bIsDays = b.unit === 'natural_days' || b.unit === 'working_days';
  if (a.unit === 'hours' && bIsDays) return a.amount <= 24 * b.amount;
  if (a.unit === 'natural_days' && b.unit === 'working_days') return a.amount <= b.amount;
  if (a.unit === 'working_days' && b.unit === 'natural_days') return a.amount === 0;
  return false;
}

export type Strictness = 'stricter_or_equal' | 'looser' | 'undecidable';

/** How a local rule stands against the rule it tightens: it may only be stricter. */
export function compareStrictness(local: Span, baseline: Span): Strictness {
  if (provablyNoLaterThan(local, baseline)) return 'stricter_or_equal';
  if (provablyNoLaterThan(baseline, local)) return 'looser';
  return 'undecidable';
}
