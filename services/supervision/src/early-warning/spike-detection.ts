import type { EarlyWarningWindow } from '@yikouban/contracts';
import { addDays, daysBetween } from './civil-days';
import type { SpikePolicy } from './spike-policy';

export interface Spike {
  window: EarlyWarningWindow;
  windowStart: string;
  windowEnd: string;
  count: number;
  baselineMean: number;
  baselineStddev: number;
  threshold: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The dates whose daily counts `detectSpikes` reads for a window ending on `endDay`. */
export function daysNeeded(endDay: string, policy: SpikePolicy): { from: string; to: string } {
  const longest = Math.max(...policy.windows.map((w) => w.days));
  return { from: addDays(endDay, -(longest + policy.baselineDays - 1)), to: endDay };
}

/**
 * The windows ending on `endDay` whose count is a spike. Days missing from `daily` count 0.
 *
 * Baseline: the daily counts of the `baselineDays` before the window, mean μ and population
 * standard deviation σ. A window of d days expects d·μ with a spread of √d·σ; since grievances
 * arrive roughly like a Poisson process, σ is never taken below √μ (a perfectly steady baseline
 * would otherwise make any +1 a spike). Spike: count ≥ minCount and count > d·μ + k·√d·max(σ, √μ).
 */
export function detectSpikes(daily: ReadonlyMap<string, number>, endDay: string, policy: SpikePolicy): Spike[] {
  const n = (day: string) => daily.get(day) ?? 0;
  const spikes: Spike[] = [];
  for (const w of policy.windows) {
    const windowStart = addDays(endDay, -(w.days - 1));
    const count = daysBetween(windowStart, endDay).reduce((s, d) => s + n(d), 0);
    if (count < w.minCount) continue;
    const base = daysBetween(addDays(windowStart, -policy.baselineDays), addDays(windowStart, -1)).map(n);
    const mean = base.reduce((s, x) => s + x, 0) / base.length;
    const stddev = Math.sqrt(base.reduce((s, x) => s + (x - mean) ** 2, 0) / base.length);
    const threshold = w.days * mean + policy.k * Math.sqrt(w.days) * Math.max(stddev, Math.sqrt(mean));
    if (count > threshold) {
      spikes.push({ window: w.window, windowStart, windowEnd: endDay, count, baselineMean: round2(mean), baselineStddev: round2(stddev), threshold: round2(threshold) });
    }
  }
  return spikes;
}
