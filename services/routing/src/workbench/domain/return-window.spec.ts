import fc from 'fast-check';
import { returnDeadline, returnCalendar } from './return-window';

const official = returnCalendar();
const beijingDay = (d: Date): string => new Date(d.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);

describe('return window (第二十三条: 5 working days)', () => {
  it('does not count the day of assignment and ends at 24:00 Beijing time of the fifth working day', () => {
    // Monday 10:00 Beijing → Tue, Wed, Thu, Fri, Mon
    expect(returnDeadline(new Date('2025-11-17T02:00:00Z'), official).toISOString()).toBe('2025-11-24T16:00:00.000Z');
  });

  it('counts in Beijing time: 00:30 Saturday in Beijing is still Friday in UTC', () => {
    expect(returnDeadline(new Date('2025-11-21T15:30:00Z'), official).toISOString()).toBe('2025-11-28T16:00:00.000Z');
    expect(returnDeadline(new Date('2025-11-21T16:30:00Z'), official).toISOString()).toBe('2025-11-28T16:00:00.000Z');
  });

  it('skips the National Day holidays and counts the Saturday make-up day (调休)', () => {
    // Tue 30 Sep 2025 → Thu 9, Fri 10, Sat 11 (调休上班), Mon 13, Tue 14 Oct
    expect(returnDeadline(new Date('2025-09-30T01:00:00Z'), official).toISOString()).toBe('2025-10-14T16:00:00.000Z');
  });

  it("honours the jurisdiction's own days off and make-up days", () => {
    const local = returnCalendar([
      { date: '2025-11-20', kind: 'holiday', reason: '县庆 / county day off' },
      { date: '2025-11-22', kind: 'workday', reason: '补班 / make-up day' },
    ]);
    // Mon 17 → Tue 18, Wed 19, (Thu 20 off), Fri 21, Sat 22 (make-up), Mon 24
    expect(returnDeadline(new Date('2025-11-17T02:00:00Z'), local).toISOString()).toBe('2025-11-24T16:00:00.000Z');
  });

  it('always ends at a Beijing midnight after exactly five working days', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2026-12-20T00:00:00Z'), noInvalidDate: true }), (at) => {
        const end = returnDeadline(at, official);
        expect(end.getUTCHours()).toBe(16);
        expect(end.getUTCMinutes()).toBe(0);
        const lastDay = beijingDay(new Date(end.getTime() - 1));
        expect(official.isWorkday(lastDay)).toBe(true);
        let workdays = 0;
        for (let d = new Date(`${beijingDay(at)}T00:00:00Z`); ; ) {
          d = new Date(d.getTime() + 86_400_000);
          const iso = d.toISOString().slice(0, 10);
          if (official.isWorkday(iso)) workdays += 1;
          if (iso === lastDay) break;
        }
        expect(workdays).toBe(5);
      }),
    );
  });
});
