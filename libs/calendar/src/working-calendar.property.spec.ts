import fc from 'fast-check';
import { ChineseDaysSource } from './chinese-days-source';
import { dayOfInstant, dayToIso, isoToDay, startOfDay } from './civil-day';
import type { CalendarOverride } from './calendar.types';
import { WorkingCalendar } from './working-calendar';

// 2024-06 to 2027-06: both official schedules in the package and a fallback year (2027)
const FROM = Date.parse('2024-06-01T00:00:00+08:00');
const TO = Date.parse('2027-06-30T00:00:00+08:00');
const instant = fc.integer({ min: FROM, max: TO }).map((ms) => new Date(ms));
const days = fc.integer({ min: 0, max: 40 });
const overrides: fc.Arbitrary<CalendarOverride[]> = fc
  .uniqueArray(fc.integer({ min: isoToDay('2024-06-01'), max: isoToDay('2027-06-30') }), { maxLength: 40 })
  .chain((ds) =>
    fc.tuple(...ds.map((d) => fc.constantFrom<'workday' | 'holiday'>('workday', 'holiday').map((kind) => ({ date: dayToIso(d), kind, reason: 'test' })))),
  );
const calendars = fc.oneof(
  fc.constant(new WorkingCalendar(new ChineseDaysSource())),
  overrides.map((o) => new WorkingCalendar(new ChineseDaysSource(), o)),
);

/** The day a deadline at 24:00 closes: the day just before the instant. */
const lastDayOf = (deadline: Date) => dayOfInstant(new Date(deadline.getTime() - 1));

describe('addWorkingDays — properties', () => {
  it('ends at 24:00 Beijing time of a working day after the start day (or the start day itself for n = 0)', () => {
    fc.assert(
      fc.property(calendars, instant, days, (cal, start, n) => {
        const due = cal.addWorkingDays(start, n);
        expect(due.getTime()).toBe(startOfDay(dayOfInstant(due)).getTime());
        expect(cal.isWorkday(dayToIso(lastDayOf(due)))).toBe(true);
        if (n > 0) expect(lastDayOf(due)).toBeGreaterThan(dayOfInstant(start));
        else expect(lastDayOf(due)).toBeGreaterThanOrEqual(dayOfInstant(start));
      }),
    );
  });

  it('is monotonic in n, strictly from n = 1', () => {
    fc.assert(
      fc.property(calendars, instant, days, days, (cal, start, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const [dLo, dHi] = [cal.addWorkingDays(start, lo), cal.addWorkingDays(start, hi)];
        expect(dLo.getTime()).toBeLessThanOrEqual(dHi.getTime());
        if (lo >= 1 && lo < hi) expect(dLo.getTime()).toBeLessThan(dHi.getTime());
      }),
    );
  });

  it('is monotonic in the start instant', () => {
    fc.assert(
      fc.property(calendars, instant, instant, days, (cal, a, b, n) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(cal.addWorkingDays(early, n).getTime()).toBeLessThanOrEqual(cal.addWorkingDays(late, n).getTime());
      }),
    );
  });

  it('round-trips through workingDaysBetween', () => {
    fc.assert(
      fc.property(calendars, instant, days, (cal, start, n) => {
        fc.pre(n >= 1 || cal.isWorkday(start));
        expect(cal.workingDaysBetween(start, cal.addWorkingDays(start, n))).toBe(n);
      }),
    );
  });
});

describe('addNaturalDaysStatutory — properties', () => {
  it('ends on the first working day at or after the n-th day', () => {
    fc.assert(
      fc.property(calendars, instant, days, (cal, start, n) => {
        const last = lastDayOf(cal.addNaturalDaysStatutory(start, n));
        const nominal = dayOfInstant(start) + n;
        expect(last).toBeGreaterThanOrEqual(nominal);
        expect(cal.isWorkday(dayToIso(last))).toBe(true);
        for (let d = nominal; d < last; d++) expect(cal.isWorkday(dayToIso(d))).toBe(false);
      }),
    );
  });

  it('is never later than n working days', () => {
    fc.assert(
      fc.property(calendars, instant, days, (cal, start, n) => {
        expect(cal.addNaturalDaysStatutory(start, n).getTime()).toBeLessThanOrEqual(cal.addWorkingDays(start, n).getTime());
      }),
    );
  });
});

describe('working hours and working-day time — properties', () => {
  const hours = fc.integer({ min: 0, max: 60 * 4 }).map((quarter) => quarter / 4);

  it('addWorkingHours runs exactly the hours asked, and only on working days', () => {
    fc.assert(
      fc.property(calendars, instant, hours, (cal, start, h) => {
        const end = cal.addWorkingHours(start, h);
        expect(cal.workingHoursBetween(start, end)).toBeCloseTo(h, 9);
        if (h > 0) expect(cal.isWorkday(new Date(end.getTime() - 1))).toBe(true);
      }),
    );
  });

  it('addWorkingHours is monotonic in the hours', () => {
    fc.assert(
      fc.property(calendars, instant, hours, hours, (cal, start, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(cal.addWorkingHours(start, lo).getTime()).toBeLessThanOrEqual(cal.addWorkingHours(start, hi).getTime());
      }),
    );
  });

  it('working-day time round-trips', () => {
    fc.assert(
      fc.property(calendars, instant, fc.integer({ min: 0, max: 30 * 86_400_000 }), (cal, start, ms) => {
        expect(cal.workdayTimeBetween(start, cal.addWorkdayTime(start, ms))).toBe(ms);
      }),
    );
  });
});
