import fc from 'fast-check';
import { workingDaysEndEstimate } from './working-days';

const local = (iso: string) => new Date(iso);

describe('working-day deadline estimate (weekends only)', () => {
  it('does not count the starting day and ends at 24:00 China time of the last working day', () => {
    // Monday 10:00 + 3 working days → Tue, Wed, Thu → ends Friday 00:00 (China time).
    expect(workingDaysEndEstimate(local('2026-03-02T10:00:00+08:00'), 3).toISOString()).toBe('2026-03-05T16:00:00.000Z');
  });

  it('skips the weekend', () => {
    // Thursday + 3 → Fri, Mon, Tue → ends Wednesday 00:00.
    expect(workingDaysEndEstimate(local('2026-03-05T23:30:00+08:00'), 3).toISOString()).toBe('2026-03-10T16:00:00.000Z');
    // A request on Saturday: Mon, Tue, Wed.
    expect(workingDaysEndEstimate(local('2026-03-07T09:00:00+08:00'), 3).toISOString()).toBe('2026-03-11T16:00:00.000Z');
  });

  it('uses the China date, not the UTC one', () => {
    // 2026-03-06 01:00 China time is a Friday but still Thursday in UTC.
    expect(workingDaysEndEstimate(local('2026-03-06T01:00:00+08:00'), 1).toISOString()).toBe('2026-03-09T16:00:00.000Z');
  });

  it('always ends on a weekday midnight, later than the start by at least the days asked', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }), fc.integer({ min: 1, max: 40 }), (start, days) => {
        const end = workingDaysEndEstimate(start, days);
        const lastDay = new Date(end.getTime() + 8 * 3600_000 - 86_400_000);
        expect([1, 2, 3, 4, 5]).toContain(lastDay.getUTCDay());
        expect((end.getTime() + 8 * 3600_000) % 86_400_000).toBe(0);
        expect(end.getTime() - start.getTime()).toBeGreaterThanOrEqual(days * 86_400_000);
        expect(end.getTime() - start.getTime()).toBeLessThanOrEqual((Math.ceil(days / 5) * 7 + 3) * 86_400_000);
      }),
    );
  });
});
