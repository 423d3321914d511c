import { ChineseDaysSource, WorkingCalendar } from '@yikouban/calendar';
import { dueAfterPause, pausedSince } from './clock-pause';

/** An instant given in Beijing wall time. */
const bj = (local: string) => new Date(`${local}+08:00`);
const calendar = new WorkingCalendar(new ChineseDaysSource());
const HOUR = 3_600_000;

describe('dueAfterPause — the paused time given back', () => {
  it('natural-day and hour policies get the wall time back, to the millisecond', () => {
    const due = bj('2025-11-30T00:00:00');
    const paused = bj('2025-10-20T09:15:00');
    const resumed = bj('2025-10-30T12:15:00');
    for (const unit of ['natural_days', 'hours', undefined] as const) {
      expect(dueAfterPause(due, paused, resumed, unit, calendar)).toEqual(new Date(due.getTime() + 10 * 24 * HOUR + 3 * HOUR));
    }
  });

  it('working-day policies get only the working time back: 国庆 2025 counts nothing, the 调休 Saturday counts', () => {
    // Paused at noon on Tue 30 Sep, resumed at noon on Thu 9 Oct: 1–8 Oct is the holiday, so 12 h + 12 h.
    const paused = bj('2025-09-30T12:00:00');
    const resumed = bj('2025-10-09T12:00:00');
    expect(calendar.workdayTimeBetween(paused, resumed)).toBe(24 * HOUR);
    // Due at 24:00 on Fri 10 Oct; Sat 11 Oct is a make-up working day, so the day given back is that Saturday.
    expect(dueAfterPause(bj('2025-10-11T00:00:00'), paused, resumed, 'working_days', calendar)).toEqual(bj('2025-10-12T00:00:00'));
    // A pause over an ordinary weekend gives nothing back.
    expect(dueAfterPause(bj('2025-11-20T00:00:00'), bj('2025-11-15T08:00:00'), bj('2025-11-16T20:00:00'), 'working_days', calendar)).toEqual(bj('2025-11-20T00:00:00'));
  });

  it('working-hour policies (consultations) get back exactly the office hours paused', () => {
    const paused = bj('2025-06-09T10:00:00');
    const resumed = bj('2025-06-10T10:00:00');
    const due = bj('2025-06-11T11:00:00');
    const moved = dueAfterPause(due, paused, resumed, 'working_hours', calendar);
    expect(moved.getTime()).toBeGreaterThan(due.getTime());
    expect(calendar.workingHoursBetween(due, moved)).toBeCloseTo(calendar.workingHoursBetween(paused, resumed), 6);
  });

  it('is monotonic in the pause and never moves the due date earlier', () => {
    const due = bj('2026-03-01T00:00:00');
    const paused = bj('2026-01-05T09:00:00');
    let last = due;
    for (let days = 0; days <= 40; days += 3) {
      const moved = dueAfterPause(due, paused, new Date(paused.getTime() + days * 24 * HOUR), 'working_days', calendar);
      expect(moved.getTime()).toBeGreaterThanOrEqual(last.getTime());
      last = moved;
    }
    expect(dueAfterPause(due, paused, paused, 'natural_days', calendar)).toEqual(due);
    expect(dueAfterPause(due, paused, new Date(paused.getTime() - HOUR), 'natural_days', calendar)).toEqual(due);
  });
});

describe('pausedSince', () => {
  it('reads the last pause from the change log', () => {
    const history = [
      { at: '2026-01-01T00:00:00.000Z', change: 'started' as const, cause: 'a' },
      { at: '2026-01-02T00:00:00.000Z', change: 'paused' as const, cause: 'b' },
      { at: '2026-01-03T00:00:00.000Z', change: 'resumed' as const, cause: 'c' },
      { at: '2026-01-04T00:00:00.000Z', change: 'paused' as const, cause: 'd' },
    ];
    expect(pausedSince({ history })).toEqual(new Date('2026-01-04T00:00:00.000Z'));
    expect(pausedSince({ history: history.slice(0, 1) })).toBeNull();
  });
});
