import { ChineseDaysSource } from './chinese-days-source';
import { CalendarError } from './calendar.errors';
import { WorkingCalendar } from './working-calendar';

/** An instant given in Beijing wall time. */
const bj = (local: string) => new Date(`${local}+08:00`);
/** 24:00 Beijing time of a day, i.e. 00:00 of the next day. */
const endOf = (iso: string) => new Date(bj(`${iso}T00:00:00`).getTime() + 86_400_000);

const calendar = new WorkingCalendar(new ChineseDaysSource());

describe('WorkingCalendar — the 2025 official schedule (国办发明电〔2024〕12号)', () => {
  it.each([
    ['2025-01-26', '春节 make-up Sunday'],
    ['2025-02-08', '春节 make-up Saturday'],
    ['2025-04-27', '劳动节 make-up Sunday'],
    ['2025-09-28', '国庆 make-up Sunday'],
    ['2025-10-11', '国庆 make-up Saturday'],
  ])('%s is a working day (%s)', (date) => {
    expect(calendar.isWorkday(date)).toBe(true);
  });

  it.each([
    '2025-01-01',
    '2025-01-28', '2025-01-31', '2025-02-03', '2025-02-04', // 春节 incl. the 调休 weekdays
    '2025-04-04', // 清明 (Friday)
    '2025-05-01', '2025-05-02', '2025-05-05', // 劳动节
    '2025-06-02', // 端午 (Monday)
    '2025-10-01', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08', // 国庆 + 中秋
  ])('%s, a weekday, is a holiday', (date) => {
    expect(calendar.isWorkday(date)).toBe(false);
  });

  it('treats ordinary weekends as rest days and ordinary weekdays as working days', () => {
    expect(calendar.isWorkday('2025-03-08')).toBe(false); // Saturday
    expect(calendar.isWorkday('2025-03-09')).toBe(false); // Sunday
    expect(calendar.isWorkday('2025-03-10')).toBe(true); // Monday
    expect(calendar.isWorkday('2025-10-09')).toBe(true); // Thursday after National Day
  });

  it('5 working days from Friday 2025-09-26 count the make-up Sunday and end after National Day', () => {
    // 28 (make-up Sun), 29, 30, then 10-01..08 off, 09, 10 → 24:00 of Friday 10-10
    expect(calendar.addWorkingDays(bj('2025-09-26T10:00'), 5)).toEqual(endOf('2025-10-10'));
    // the 6th working day is the make-up Saturday 10-11; the 7th skips Sunday 10-12
    expect(calendar.addWorkingDays(bj('2025-09-26T10:00'), 6)).toEqual(endOf('2025-10-11'));
    expect(calendar.addWorkingDays(bj('2025-09-26T10:00'), 7)).toEqual(endOf('2025-10-13'));
  });

  it('Spring Festival: 3 working days from Friday 2025-01-24 are 01-26 (Sun), 01-27 and 02-05', () => {
    expect(calendar.addWorkingDays(bj('2025-01-24T16:00'), 1)).toEqual(endOf('2025-01-26'));
    expect(calendar.addWorkingDays(bj('2025-01-24T16:00'), 3)).toEqual(endOf('2025-02-05'));
    // the make-up Saturday 02-08 counts: 02-05 (1), 02-06, 02-07, 02-08 (4)
    expect(calendar.addWorkingDays(bj('2025-02-04T09:00'), 4)).toEqual(endOf('2025-02-08'));
  });

  it('Qingming, Labour Day and Dragon Boat 2025', () => {
    expect(calendar.addWorkingDays(bj('2025-04-03T09:00'), 1)).toEqual(endOf('2025-04-07'));
    expect(calendar.addWorkingDays(bj('2025-04-25T09:00'), 1)).toEqual(endOf('2025-04-27'));
    expect(calendar.addWorkingDays(bj('2025-04-29T09:00'), 2)).toEqual(endOf('2025-05-06'));
    expect(calendar.addWorkingDays(bj('2025-05-30T09:00'), 1)).toEqual(endOf('2025-06-03'));
  });

  it('counts the start day by the Beijing date even when the UTC date differs', () => {
    // 2025-09-26 23:30 Beijing is still 15:30 UTC on the 26th; 00:30 Beijing on the 27th is the 26th in UTC
    expect(calendar.addWorkingDays(bj('2025-09-26T23:30'), 1)).toEqual(endOf('2025-09-28'));
    expect(calendar.addWorkingDays(bj('2025-09-27T00:30'), 1)).toEqual(endOf('2025-09-28'));
    expect(calendar.addWorkingDays(bj('2025-09-28T00:30'), 1)).toEqual(endOf('2025-09-29'));
  });
});

describe('WorkingCalendar — the 2026 official schedule', () => {
  it.each(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'])(
    'make-up day %s is a working day',
    (date) => expect(calendar.isWorkday(date)).toBe(true),
  );

  it.each(['2026-01-02', '2026-02-16', '2026-02-20', '2026-02-23', '2026-04-06', '2026-05-04', '2026-05-05', '2026-06-19', '2026-09-25', '2026-10-01', '2026-10-07'])(
    'holiday weekday %s is not a working day',
    (date) => expect(calendar.isWorkday(date)).toBe(false),
  );

  it('New Year 2026: one working day from 2025-12-31 is the make-up Sunday 2026-01-04', () => {
    expect(calendar.addWorkingDays(bj('2025-12-31T10:00'), 1)).toEqual(endOf('2026-01-04'));
    expect(calendar.addWorkingDays(bj('2025-12-31T10:00'), 2)).toEqual(endOf('2026-01-05'));
  });

  it('Spring Festival 2026: the make-up Saturday 02-14 counts, then work resumes 02-24', () => {
    expect(calendar.addWorkingDays(bj('2026-02-13T10:00'), 1)).toEqual(endOf('2026-02-14'));
    expect(calendar.addWorkingDays(bj('2026-02-13T10:00'), 2)).toEqual(endOf('2026-02-24'));
    expect(calendar.addWorkingDays(bj('2026-02-24T10:00'), 4)).toEqual(endOf('2026-02-28'));
  });

  it('Mid-Autumn and National Day 2026: 09-20 (Sun) counts, 09-25 and 10-01..07 do not, 10-10 (Sat) counts', () => {
    expect(calendar.addWorkingDays(bj('2026-09-18T10:00'), 1)).toEqual(endOf('2026-09-20'));
    // 20 (1), 21..24 (5), 09-25..27 off, 28 (6), 29, 30 (8), 10-01..07 off, 10-08 (9), 10-09 (10), 10-10 (11)
    expect(calendar.addWorkingDays(bj('2026-09-18T10:00'), 7)).toEqual(endOf('2026-09-29'));
    expect(calendar.addWorkingDays(bj('2026-09-18T10:00'), 9)).toEqual(endOf('2026-10-08'));
    expect(calendar.addWorkingDays(bj('2026-09-18T10:00'), 11)).toEqual(endOf('2026-10-10'));
  });

  it('Qingming and Dragon Boat 2026', () => {
    expect(calendar.addWorkingDays(bj('2026-04-03T10:00'), 1)).toEqual(endOf('2026-04-07'));
    expect(calendar.addWorkingDays(bj('2026-06-18T10:00'), 1)).toEqual(endOf('2026-06-22'));
    expect(calendar.addWorkingDays(bj('2026-04-30T10:00'), 1)).toEqual(endOf('2026-05-06'));
  });
});

describe('addWorkingDays(…, 0) — "the same day"', () => {
  it('ends at 24:00 of the day when it is a working day', () => {
    expect(calendar.addWorkingDays(bj('2025-09-26T16:00'), 0)).toEqual(endOf('2025-09-26'));
    expect(calendar.addWorkingDays(bj('2025-09-28T16:00'), 0)).toEqual(endOf('2025-09-28'));
  });
  it('moves to the next working day from a rest day or holiday', () => {
    expect(calendar.addWorkingDays(bj('2025-09-27T16:00'), 0)).toEqual(endOf('2025-09-28'));
    expect(calendar.addWorkingDays(bj('2025-10-02T16:00'), 0)).toEqual(endOf('2025-10-09'));
  });
});

describe('addNaturalDaysStatutory — a last day on a holiday moves to the next working day', () => {
  it('15 days from 2025-09-20 would end on 10-05 (holiday) and so end on 10-09', () => {
    expect(calendar.addNaturalDaysStatutory(bj('2025-09-20T10:00'), 15)).toEqual(endOf('2025-10-09'));
  });
  it('15 days from 2025-09-26 end on the make-up Saturday 10-11 itself', () => {
    expect(calendar.addNaturalDaysStatutory(bj('2025-09-26T10:00'), 15)).toEqual(endOf('2025-10-11'));
  });
  it('a last day on an ordinary weekend moves to Monday; a weekday stays', () => {
    expect(calendar.addNaturalDaysStatutory(bj('2025-03-01T10:00'), 7)).toEqual(endOf('2025-03-10'));
    expect(calendar.addNaturalDaysStatutory(bj('2025-03-03T10:00'), 7)).toEqual(endOf('2025-03-10'));
    expect(calendar.addNaturalDaysStatutory(bj('2025-03-03T10:00'), 3)).toEqual(endOf('2025-03-06'));
  });
  it('addNaturalDays keeps the clock time and ignores holidays', () => {
    expect(calendar.addNaturalDays(bj('2025-09-20T10:00'), 15)).toEqual(bj('2025-10-05T10:00'));
    expect(calendar.addNaturalDays(bj('2025-09-20T10:00'), -1)).toEqual(bj('2025-09-19T10:00'));
  });
});

describe('nextWorkday and workingDaysBetween', () => {
  it('nextWorkday is strictly after the day', () => {
    expect(calendar.nextWorkday('2025-09-26')).toBe('2025-09-28');
    expect(calendar.nextWorkday('2025-09-30')).toBe('2025-10-09');
    expect(calendar.nextWorkday(bj('2025-10-10T23:59'))).toBe('2025-10-11');
    expect(calendar.nextWorkday('2025-10-11')).toBe('2025-10-13');
  });
  it('counts working days completed after the start day', () => {
    expect(calendar.workingDaysBetween(bj('2025-09-26T10:00'), endOf('2025-10-10'))).toBe(5);
    expect(calendar.workingDaysBetween(bj('2025-09-26T10:00'), bj('2025-10-10T23:00'))).toBe(4);
    expect(calendar.workingDaysBetween(bj('2025-10-10T10:00'), bj('2025-09-26T10:00'))).toBe(0);
  });
});

describe('administrator overrides', () => {
  it('win over the official schedule in both directions', () => {
    const local = new WorkingCalendar(new ChineseDaysSource(), [
      { date: '2025-10-08', kind: 'workday', reason: '县防汛值守 / flood duty' },
      { date: '2025-09-29', kind: 'holiday', reason: '台风停工 / typhoon' },
    ]);
    expect(local.isWorkday('2025-10-08')).toBe(true);
    expect(local.isWorkday('2025-09-29')).toBe(false);
    expect(local.status('2025-09-29')).toEqual({ date: '2025-09-29', workday: false, basis: 'override', reason: '台风停工 / typhoon' });
    // from 09-26: 28 (1), 30 (2), 10-08 (3)
    expect(local.addWorkingDays(bj('2025-09-26T10:00'), 3)).toEqual(endOf('2025-10-08'));
    expect(calendar.addWorkingDays(bj('2025-09-26T10:00'), 3)).toEqual(endOf('2025-09-30'));
  });
  it('refuses two overrides that disagree on one date, and a malformed date', () => {
    const clash = () =>
      new WorkingCalendar(new ChineseDaysSource(), [
        { date: '2025-10-08', kind: 'workday', reason: 'a' },
        { date: '2025-10-08', kind: 'holiday', reason: 'b' },
      ]);
    expect(clash).toThrow(expect.objectContaining({ code: 'conflicting_override' }));
    expect(() => new WorkingCalendar(new ChineseDaysSource(), [{ date: '2025-02-30', kind: 'holiday', reason: 'x' }])).toThrow(CalendarError);
  });
  it('a calendar with no working day at all fails instead of looping', () => {
    const never = new WorkingCalendar({ isOfficialWorkday: () => false, hasOfficialData: () => false });
    expect(() => never.addWorkingDays(bj('2025-01-01T10:00'), 1)).toThrow(expect.objectContaining({ code: 'no_workday' }));
    expect(() => never.addWorkingHours(bj('2025-01-01T10:00'), 1)).toThrow(expect.objectContaining({ code: 'no_workday' }));
  });
});

describe('years without official data', () => {
  it('fall back to Monday–Friday and say so', () => {
    expect(calendar.hasOfficialData(2025)).toBe(true);
    expect(calendar.hasOfficialData(2026)).toBe(true);
    expect(calendar.hasOfficialData(2099)).toBe(false);
    expect(calendar.isWorkday('2099-01-01')).toBe(true); // a Thursday; no 元旦 data
    expect(calendar.isWorkday('2099-01-03')).toBe(false); // Saturday
    expect(calendar.status('2099-01-01').basis).toBe('weekday');
    expect(calendar.status('2025-10-01').basis).toBe('official');
  });
});

describe('input checks', () => {
  it.each([-1, 1.5, Number.NaN])('rejects %p working days', (n) => {
    expect(() => calendar.addWorkingDays(bj('2025-01-02T10:00'), n)).toThrow(expect.objectContaining({ code: 'invalid_amount' }));
  });
  it('rejects an invalid instant and a malformed date', () => {
    expect(() => calendar.addWorkingDays(new Date('nope'), 1)).toThrow(expect.objectContaining({ code: 'invalid_date' }));
    expect(() => calendar.isWorkday('2025-13-01')).toThrow(expect.objectContaining({ code: 'invalid_date' }));
  });
});
