import { beijingDay, emptyCounts, periodProblem, ratesOf, regionGroupLength, share } from './indicator-math';

describe('indicator arithmetic', () => {
  it('counts satisfied and basically satisfied alike, over every evaluation', () => {
    const c = { ...emptyCounts(), evaluated: 10, satisfied: 7, basicallySatisfied: 2, notSatisfied: 1, resolved: 8 };
    expect(ratesOf(c)).toMatchObject({ satisfactionRate: 0.9, resolutionRate: 0.8 });
  });

  it('response, on-time and repeat rates from their own denominators', () => {
    const c = { ...emptyCounts(), assigned: 4, responded: 3, replied: 5, repliedOnTime: 3, repliedLate: 1, received: 8, repeats: 2 };
    // One reply had no handling clock: it counts in neither on-time nor late.
    expect(ratesOf(c)).toMatchObject({ responseRate: 0.75, onTimeRate: 0.75, repeatRate: 0.25 });
  });

  it('answers null, not 0 or NaN, when nothing was there to count', () => {
    expect(ratesOf(emptyCounts())).toEqual({ responseRate: null, resolutionRate: null, satisfactionRate: null, onTimeRate: null, repeatRate: null });
  });

  it('rounds to four places and never exceeds 1', () => {
    expect(share(2, 3)).toBe(0.6667);
    expect(share(3713, 3813)).toBe(0.9738);
    expect(share(5, 4)).toBe(1);
  });

  it('days are Beijing days', () => {
    expect(beijingDay(new Date('2026-01-31T15:59:59.999Z'))).toBe('2026-01-31');
    expect(beijingDay(new Date('2026-01-31T16:00:00.000Z'))).toBe('2026-02-01');
  });

  it('groups regions one level below the filter', () => {
    expect(regionGroupLength(undefined)).toBe(6);
    expect(regionGroupLength('330621')).toBe(9);
    expect(regionGroupLength('330621101')).toBe(12);
    expect(regionGroupLength('330621101001001')).toBe(15);
  });

  it('refuses impossible dates, reversed and over-long periods, naming the field', () => {
    expect(periodProblem('2026-01-01', '2026-12-31')).toBeNull();
    expect(periodProblem('2024-01-01', '2024-12-31')).toBeNull(); // 366 days
    expect(periodProblem('2026-02-30', '2026-03-01')?.field).toBe('from');
    expect(periodProblem('2026-03-02', '2026-03-01')?.field).toBe('to');
    expect(periodProblem('2025-01-01', '2026-01-01')).toBeNull(); // 366 days inclusive
    expect(periodProblem('2025-01-01', '2026-01-02')?.field).toBe('to');
  });
});
