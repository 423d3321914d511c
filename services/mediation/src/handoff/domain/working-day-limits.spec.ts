import fc from 'fast-check';
import { MEDIATION_CALENDAR, MEDIATION_TIME_LIMITS, timeLimitEnd } from './time-limits';

const workingDays = (days: number) => ({ amount: days, unit: 'working_days' as const });
const end = (start: string, days: number) => timeLimitEnd(new Date(start), workingDays(days)).toISOString();

describe('working-day time limits (shared calendar: holidays and 调休 make-up days)', () => {
  it('does not count the starting day and ends at 24:00 China time of the last working day', () => {
    // Monday 10:00 + 3 working days → Tue, Wed, Thu → ends Friday 00:00 (China time).
    expect(end('2026-03-02T10:00:00+08:00', 3)).toBe('2026-03-05T16:00:00.000Z');
  });

  it('skips the weekend', () => {
    // Thursday + 3 → Fri, Mon, Tue → ends Wednesday 00:00.
    expect(end('2026-03-05T23:30:00+08:00', 3)).toBe('2026-03-10T16:00:00.000Z');
    // A request on Saturday: Mon, Tue, Wed.
    expect(end('2026-03-07T09:00:00+08:00', 3)).toBe('2026-03-11T16:00:00.000Z');
  });

  it('uses the China date, not the UTC one', () => {
    // 2026-03-06 01:00 China time is a Friday but still Thursday in UTC.
    expect(end('2026-03-06T01:00:00+08:00', 1)).toBe('2026-03-09T16:00:00.000Z');
  });

  describe('across the 2025 National Day holiday (国办发明电〔2024〕12号: 10-01…10-08 off, Sun 09-28 and Sat 10-11 worked)', () => {
    it('counts the make-up Sunday before the holiday', () => {
      // Fri 09-26 + 3 → Sun 09-28 (调休上班), Mon 09-29, Tue 09-30; weekends only would end on 10-01.
      expect(end('2025-09-26T10:00:00+08:00', 3)).toBe('2025-09-30T16:00:00.000Z');
    });

    it('skips the eight days off and counts the make-up Saturday after them', () => {
      // Accept within 3 working days, asked on the eve: Thu 10-09, Fri 10-10, Sat 10-11 (调休上班).
      const asked = new Date('2025-09-30T15:00:00+08:00');
      expect(timeLimitEnd(asked, MEDIATION_TIME_LIMITS.handoffAcceptance).toISOString()).toBe('2025-10-11T16:00:00.000Z');
      // One more working day skips Sunday 10-12: Monday 10-13.
      expect(end('2025-09-30T15:00:00+08:00', 4)).toBe('2025-10-13T16:00:00.000Z');
    });

    it('a request on a holiday starts counting after it', () => {
      // Requested on 10-03 (a holiday): 10-09, 10-10, 10-11.
      expect(end('2025-10-03T09:00:00+08:00', 3)).toBe('2025-10-11T16:00:00.000Z');
    });
  });

  it('leaves natural-day limits to naturalDaysEnd (no holiday rule)', () => {
    expect(timeLimitEnd(new Date('2025-09-30T10:00:00+08:00'), { amount: 1, unit: 'natural_days' }).toISOString()).toBe('2025-10-01T16:00:00.000Z');
  });

  it('always ends at a China midnight closing a working day, after exactly the days asked', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }), fc.integer({ min: 1, max: 40 }), (start, days) => {
        const due = timeLimitEnd(start, workingDays(days));
        expect((due.getTime() + 8 * 3600_000) % 86_400_000).toBe(0);
        expect(MEDIATION_CALENDAR.isWorkday(new Date(due.getTime() - 1))).toBe(true);
        expect(MEDIATION_CALENDAR.workingDaysBetween(start, due)).toBe(days);
        expect(due.getTime() - start.getTime()).toBeGreaterThanOrEqual(days * 86_400_000);
      }),
    );
  });
});
