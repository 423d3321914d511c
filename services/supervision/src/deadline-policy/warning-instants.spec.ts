import { ChineseDaysSource, WorkingCalendar } from '@yikouban/calendar';
import { computeDeadline } from './compute-deadline';
import { LOCAL_POLICIES } from './local-policies';
import { STATUTORY_POLICIES } from './statutory-policies';
import { warningInstants } from './warning-instants';

/** An instant given in Beijing wall time. */
const bj = (local: string) => new Date(`${local}+08:00`);
/** 24:00 Beijing time of a day, i.e. 00:00 of the next day. */
const endOf = (iso: string) => new Date(bj(`${iso}T00:00:00`).getTime() + 86_400_000);

const calendar = new WorkingCalendar(new ChineseDaysSource());
const byCode = (code: string) => {
  const found = [...STATUTORY_POLICIES, ...LOCAL_POLICIES].find((p) => p.code === code);
  if (!found) throw new Error(`no policy ${code}`);
  return found;
};

describe('warningInstants', () => {
  it('natural days: shares of wall-clock time', () => {
    const p = byCode('handling_60d');
    const start = bj('2025-06-12T12:00');
    const due = computeDeadline(p, start, calendar); // 24:00 of 08-11 = 60.5 days later; 0.8 × 60.5 d = 48 d 9 h 36 min
    expect(warningInstants(p, start, due, calendar)).toEqual([bj('2025-07-12T18:00'), bj('2025-07-30T21:36'), due]);
  });

  it('working days: shares of working-day time, skipping the National Day holiday', () => {
    const p = byCode('misroute_objection_5wd');
    const start = bj('2025-09-26T12:00');
    const due = computeDeadline(p, start, calendar);
    expect(due).toEqual(endOf('2025-10-10'));
    // working-day time: 12 h on 09-26, 24 h each on 09-28, 29, 30, 10-09, 10-10 = 132 h
    expect(warningInstants(p, start, due, calendar)).toEqual([bj('2025-09-30T06:00'), bj('2025-10-09T21:36'), due]);
  });

  it('working hours: shares of office time', () => {
    const p = byCode('330621_consultation_half_day');
    const start = bj('2025-03-07T11:00');
    const due = computeDeadline(p, start, calendar);
    expect(warningInstants(p, start, due, calendar)).toEqual([bj('2025-03-07T14:45'), bj('2025-03-07T15:48'), bj('2025-03-07T16:30')]);
  });

  it('hours: shares of wall-clock time', () => {
    const p = byCode('330621_hotline_risk_2h');
    const start = bj('2025-10-01T10:00');
    expect(warningInstants(p, start, computeDeadline(p, start, calendar), calendar)).toEqual([bj('2025-10-01T11:00'), bj('2025-10-01T11:36'), bj('2025-10-01T12:00')]);
  });

  it('uses the policy’s own shares and ignores shares outside (0, 1]', () => {
    const p = { ...byCode('handling_60d'), warnAt: [0.9, 0, 0.25, 1.5] };
    const start = bj('2025-06-12T00:00');
    const due = bj('2025-06-22T00:00');
    expect(warningInstants(p, start, due, calendar)).toEqual([bj('2025-06-14T12:00'), bj('2025-06-21T00:00')]);
  });
});
