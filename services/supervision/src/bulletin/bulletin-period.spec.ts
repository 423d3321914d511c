import { isComplete, lastCompletedPeriod, periodContaining, periodStartingOn } from './bulletin-period';

/** An instant given in Beijing time. */
const bj = (local: string) => new Date(`${local}+08:00`);

describe('bulletin periods (Asia/Shanghai)', () => {
  it('weeks run Monday to Sunday', () => {
    expect(periodContaining('weekly', '2026-03-04')).toEqual({ start: '2026-03-02', end: '2026-03-08' });
    expect(periodContaining('weekly', '2026-03-08')).toEqual({ start: '2026-03-02', end: '2026-03-08' });
    expect(periodContaining('weekly', '2026-01-01')).toEqual({ start: '2025-12-29', end: '2026-01-04' });
  });

  it('half-months are the 1st–15th and the 16th–last, February and leap years included', () => {
    expect(periodContaining('half_monthly', '2026-02-15')).toEqual({ start: '2026-02-01', end: '2026-02-15' });
    expect(periodContaining('half_monthly', '2026-02-16')).toEqual({ start: '2026-02-16', end: '2026-02-28' });
    expect(periodContaining('half_monthly', '2028-02-20')).toEqual({ start: '2028-02-16', end: '2028-02-29' });
    expect(periodContaining('monthly', '2026-12-31')).toEqual({ start: '2026-12-01', end: '2026-12-31' });
    expect(periodContaining('monthly', '2026-04-10')).toEqual({ start: '2026-04-01', end: '2026-04-30' });
  });

  it('a period must start where its kind starts', () => {
    expect(periodStartingOn('weekly', '2026-03-02')).toEqual({ period: { start: '2026-03-02', end: '2026-03-08' } });
    expect(periodStartingOn('weekly', '2026-03-03')).toHaveProperty('problem');
    expect(periodStartingOn('half_monthly', '2026-03-16')).toEqual({ period: { start: '2026-03-16', end: '2026-03-31' } });
    expect(periodStartingOn('half_monthly', '2026-03-10')).toHaveProperty('problem');
    expect(periodStartingOn('monthly', '2026-03-02')).toHaveProperty('problem');
    expect(periodStartingOn('daily', '2026-02-30')).toHaveProperty('problem');
  });

  it('a day ends at Beijing midnight, not UTC midnight', () => {
    const day = { start: '2026-03-01', end: '2026-03-01' };
    expect(isComplete(day, bj('2026-03-01T23:59:59.999'))).toBe(false);
    expect(isComplete(day, bj('2026-03-02T00:00:00'))).toBe(true);
    // 16:30 UTC on 1 March is 00:30 on 2 March in Beijing.
    expect(isComplete(day, new Date('2026-03-01T16:30:00Z'))).toBe(true);
    expect(isComplete(day, new Date('2026-03-01T15:59:59Z'))).toBe(false);
  });

  it('the schedule publishes the last completed period of each kind', () => {
    // Monday 2 March 2026, 00:05 in Beijing (Sunday 16:05 UTC).
    const now = bj('2026-03-02T00:05:00');
    expect(lastCompletedPeriod('daily', now)).toEqual({ start: '2026-03-01', end: '2026-03-01' });
    expect(lastCompletedPeriod('weekly', now)).toEqual({ start: '2026-02-23', end: '2026-03-01' });
    expect(lastCompletedPeriod('half_monthly', now)).toEqual({ start: '2026-02-16', end: '2026-02-28' });
    expect(lastCompletedPeriod('monthly', now)).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    // Mid-week, mid-month: the previous week and the previous half-month.
    const wed = bj('2026-03-11T09:00:00');
    expect(lastCompletedPeriod('weekly', wed)).toEqual({ start: '2026-03-02', end: '2026-03-08' });
    expect(lastCompletedPeriod('half_monthly', wed)).toEqual({ start: '2026-02-16', end: '2026-02-28' });
    expect(lastCompletedPeriod('half_monthly', bj('2026-03-16T00:00:01'))).toEqual({ start: '2026-03-01', end: '2026-03-15' });
  });
});
