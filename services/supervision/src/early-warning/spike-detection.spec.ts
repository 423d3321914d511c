import { addDays } from './civil-days';
import { daysNeeded, detectSpikes } from './spike-detection';
import { SPIKE_POLICY, spikePolicyProblems, type SpikePolicy } from './spike-policy';

const END = '2026-03-09';
/** Daily counts: `base` on each of the 28 days before the window's days, `recent` on the last days. */
function history(base: (i: number) => number, recent: number[]): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < 40; i += 1) m.set(addDays(END, -(i + recent.length)), base(i));
  recent.forEach((n, i) => m.set(addDays(END, -(recent.length - 1 - i)), n));
  return m;
}
const only1d: SpikePolicy = { ...SPIKE_POLICY, windows: [SPIKE_POLICY.windows[0]] };

describe('spike detection (苗头预警)', () => {
  it('ships a usable policy', () => {
    expect(spikePolicyProblems(SPIKE_POLICY)).toEqual([]);
    expect(spikePolicyProblems({ ...SPIKE_POLICY, regionLength: 7, windows: [{ window: '1d', days: 1, minCount: 1 }] })).toHaveLength(2);
  });

  it('reads the window and its whole baseline', () => {
    expect(daysNeeded(END, SPIKE_POLICY)).toEqual({ from: '2026-02-07', to: END }); // 3 + 28 days
  });

  it('a quiet category: 1 → 2 is no spike, however far above a zero baseline', () => {
    expect(detectSpikes(history(() => 0, [2]), END, SPIKE_POLICY)).toEqual([]);
    expect(detectSpikes(history(() => 0, [4]), END, SPIKE_POLICY)).toEqual([]);
  });

  it('a zero baseline and minCount reached: a spike with threshold 0', () => {
    expect(detectSpikes(history(() => 0, [5]), END, only1d)).toEqual([
      { window: '1d', windowStart: END, windowEnd: END, count: 5, baselineMean: 0, baselineStddev: 0, threshold: 0 },
    ]);
  });

  it('mean + k·σ, σ never below √μ: a steady 4 a day needs more than 4 + 3·2 = 10', () => {
    expect(detectSpikes(history(() => 4, [10]), END, only1d)).toEqual([]);
    const [s] = detectSpikes(history(() => 4, [11]), END, only1d);
    expect(s).toMatchObject({ count: 11, baselineMean: 4, baselineStddev: 0, threshold: 10 });
  });

  it('a noisy baseline widens the threshold by its standard deviation', () => {
    // Alternating 0 and 8: μ = 4, σ = 4 (> √4), threshold 4 + 3·4 = 16.
    const noisy = history((i) => (i % 2 ? 8 : 0), [16]);
    expect(detectSpikes(noisy, END, only1d)).toEqual([]);
    expect(detectSpikes(history((i) => (i % 2 ? 8 : 0), [17]), END, only1d)[0]).toMatchObject({ baselineMean: 4, baselineStddev: 4, threshold: 16 });
  });

  it('the 3-day window sums its days and scales the spread by √3', () => {
    // Baseline 1 a day: expected 3, spread √3·1 → threshold 3 + 3·√3 ≈ 8.2; 3+3+3 = 9 passes, no single day does.
    const spikes = detectSpikes(history(() => 1, [3, 3, 3]), END, SPIKE_POLICY);
    expect(spikes).toEqual([{ window: '3d', windowStart: '2026-03-07', windowEnd: END, count: 9, baselineMean: 1, baselineStddev: 0, threshold: 8.2 }]);
  });

  it('the baseline is the days before the window, not the window itself', () => {
    // The window's own surge must not raise the bar it is measured against.
    const m = history(() => 0, [30]);
    expect(detectSpikes(m, END, only1d)[0]).toMatchObject({ baselineMean: 0, count: 30 });
  });
});
