import { ChineseDaysSource } from './chinese-days-source';
import { WorkingCalendar } from './working-calendar';

const bj = (local: string) => new Date(`${local}+08:00`);
const calendar = new WorkingCalendar(new ChineseDaysSource());
const HALF_DAY = 3.5;

describe('addWorkingHours — office hours 08:30–12:00 and 14:00–17:30 on working days', () => {
  it('half a working day asked at 11:00 on a Friday: 1 h before lunch + 2.5 h after → 16:30', () => {
    expect(calendar.addWorkingHours(bj('2025-03-07T11:00'), HALF_DAY)).toEqual(bj('2025-03-07T16:30'));
  });

  it('asked at 17:00 on a Friday: 0.5 h that day, 3 h on Monday → Monday 11:30', () => {
    expect(calendar.addWorkingHours(bj('2025-03-07T17:00'), HALF_DAY)).toEqual(bj('2025-03-10T11:30'));
  });

  it('asked at 17:00 on Friday 2025-09-26: the next working day is the make-up Sunday 09-28', () => {
    expect(calendar.addWorkingHours(bj('2025-09-26T17:00'), HALF_DAY)).toEqual(bj('2025-09-28T11:30'));
  });

  it('asked on the eve of National Day 2025: lands on 10-09', () => {
    expect(calendar.addWorkingHours(bj('2025-09-30T16:00'), HALF_DAY)).toEqual(bj('2025-10-09T10:30'));
  });

  it('time asked outside office hours starts at the next window', () => {
    expect(calendar.addWorkingHours(bj('2025-03-07T12:30'), 1)).toEqual(bj('2025-03-07T15:00'));
    expect(calendar.addWorkingHours(bj('2025-03-07T07:00'), 1)).toEqual(bj('2025-03-07T09:30'));
    expect(calendar.addWorkingHours(bj('2025-03-08T10:00'), 1)).toEqual(bj('2025-03-10T09:30')); // Saturday
  });

  it('a span that uses a window up exactly ends at the window end', () => {
    expect(calendar.addWorkingHours(bj('2025-03-07T07:00'), HALF_DAY)).toEqual(bj('2025-03-07T12:00'));
    expect(calendar.addWorkingHours(bj('2025-03-10T08:30'), 7)).toEqual(bj('2025-03-10T17:30'));
    expect(calendar.addWorkingHours(bj('2025-03-10T08:30'), 7.5)).toEqual(bj('2025-03-11T09:00'));
  });

  it('0 hours is the instant itself', () => {
    expect(calendar.addWorkingHours(bj('2025-03-08T22:00'), 0)).toEqual(bj('2025-03-08T22:00'));
  });

  it('takes other office hours (e.g. summer afternoons 14:30–18:00)', () => {
    const summer = { morning: ['08:30', '12:00'], afternoon: ['14:30', '18:00'] } as const;
    expect(calendar.addWorkingHours(bj('2025-07-04T11:00'), HALF_DAY, summer)).toEqual(bj('2025-07-04T17:00'));
    const summerCalendar = new WorkingCalendar(new ChineseDaysSource(), [], summer);
    expect(summerCalendar.addWorkingHours(bj('2025-07-04T11:00'), HALF_DAY)).toEqual(bj('2025-07-04T17:00'));
  });

  it('refuses malformed or overlapping hours and negative amounts', () => {
    expect(() => calendar.addWorkingHours(bj('2025-03-07T11:00'), 1, { morning: ['08:30', '12:00'], afternoon: ['11:00', '17:30'] })).toThrow(
      expect.objectContaining({ code: 'invalid_working_hours' }),
    );
    expect(() => new WorkingCalendar(new ChineseDaysSource(), [], { morning: ['8:30', '12:00'], afternoon: ['14:00', '17:30'] })).toThrow(
      expect.objectContaining({ code: 'invalid_working_hours' }),
    );
    expect(() => calendar.addWorkingHours(bj('2025-03-07T11:00'), -1)).toThrow(expect.objectContaining({ code: 'invalid_amount' }));
  });
});

describe('workingHoursBetween and working-day time', () => {
  it('measures office hours only', () => {
    expect(calendar.workingHoursBetween(bj('2025-03-07T11:00'), bj('2025-03-07T16:30'))).toBe(HALF_DAY);
    expect(calendar.workingHoursBetween(bj('2025-03-07T17:00'), bj('2025-03-10T11:30'))).toBe(HALF_DAY);
    expect(calendar.workingHoursBetween(bj('2025-09-30T08:00'), bj('2025-10-09T08:00'))).toBe(7);
    expect(calendar.workingHoursBetween(bj('2025-03-10T11:30'), bj('2025-03-07T17:00'))).toBe(0);
  });

  it('working-day time counts whole working days and nothing of rest days', () => {
    const hours = (ms: number) => ms / 3_600_000;
    expect(hours(calendar.workdayTimeBetween(bj('2025-09-30T12:00'), bj('2025-10-09T12:00')))).toBe(24);
    expect(hours(calendar.workdayTimeBetween(bj('2025-09-26T12:00'), bj('2025-09-29T00:00')))).toBe(36);
    expect(calendar.addWorkdayTime(bj('2025-09-30T12:00'), 18 * 3_600_000)).toEqual(bj('2025-10-09T06:00'));
  });
});
