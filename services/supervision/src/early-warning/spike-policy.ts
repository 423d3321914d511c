import type { EarlyWarningWindow } from '@yikouban/contracts';

/** One window a spike is looked for in: its length in Beijing days and the fewest grievances that can be a spike. */
export interface SpikeWindowRule {
  window: EarlyWarningWindow;
  days: number;
  /** Below this no alert, whatever the baseline: 1 → 2 of a quiet category is no spike. */
  minCount: number;
}

export interface SpikePolicy {
  /** Region codes are cut to this many characters (9 = town, 镇街) before counting. */
  regionLength: number;
  /** Days before the window whose daily counts make the baseline. */
  baselineDays: number;
  /** How many standard deviations above the expected count a window must be. */
  k: number;
  windows: SpikeWindowRule[];
}

/**
 * The county's defaults, as data. A town × category is in alert when the window's count passes
 * its expectation from the previous four weeks by k standard deviations and is not tiny: the
 * 1-day window catches a sudden wave (a school closure announced on Monday), the 3-day window a
 * slower build-up.
 */
export const SPIKE_POLICY: SpikePolicy = {
  regionLength: 9,
  baselineDays: 28,
  k: 3,
  windows: [
    { window: '1d', days: 1, minCount: 5 },
    { window: '3d', days: 3, minCount: 8 },
  ],
};

/** Problems with a policy (empty when it can be used): the shipped policy is checked by a unit test. */
export function spikePolicyProblems(p: SpikePolicy): string[] {
  const problems: string[] = [];
  if (![2, 4, 6, 9, 12, 15].includes(p.regionLength)) problems.push('regionLength must be a region level (2, 4, 6, 9, 12 or 15)');
  if (!Number.isInteger(p.baselineDays) || p.baselineDays < 7 || p.baselineDays > 366) problems.push('baselineDays must be a whole number from 7 to 366');
  if (!(p.k > 0)) problems.push('k must be positive');
  if (p.windows.length === 0) problems.push('at least one window');
  for (const w of p.windows) {
    if (!Number.isInteger(w.days) || w.days < 1 || w.days > p.baselineDays) problems.push(`${w.window}: days must be from 1 to baselineDays`);
    if (!Number.isInteger(w.minCount) || w.minCount < 2) problems.push(`${w.window}: minCount must be at least 2`);
  }
  return problems;
}
