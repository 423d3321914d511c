import { ChineseDaysSource, WorkingCalendar } from '@yikouban/calendar';
import { extendDeadline, computeDeadline, resolveDeadline } from './compute-deadline';
import { DEMO_JURISDICTION, LOCAL_POLICIES } from './local-policies';
import { selectPolicy } from './select-policy';
import { STATUTORY_POLICIES } from './statutory-policies';
import { DEFAULT_WARN_AT, type DeadlinePolicy } from './deadline-policy.types';

/** An instant given in Beijing wall time. */
const bj = (local: string) => new Date(`${local}+08:00`);
/** 24:00 Beijing time of a day, i.e. 00:00 of the next day. */
const endOf = (iso: string) => new Date(bj(`${iso}T00:00:00`).getTime() + 86_400_000);
/** A policy for tests; only what a test sets matters. */
const policy = (p: Partial<DeadlinePolicy> & Pick<DeadlinePolicy, 'code' | 'appliesTo' | 'unit' | 'amount'>): DeadlinePolicy => ({
  name: '测试',
  nameEn: 'test',
  source: 'test',
  warnAt: DEFAULT_WARN_AT,
  jurisdiction: null,
  ...p,
});

const calendar = new WorkingCalendar(new ChineseDaysSource());
const ALL = [...STATUTORY_POLICIES, ...LOCAL_POLICIES];
const byCode = (code: string) => {
  const found = ALL.find((p) => p.code === code);
  if (!found) throw new Error(`no policy ${code}`);
  return found;
};
const handling = byCode('handling_60d');

describe('computeDeadline — the 60-day handling deadline (信访工作条例 第三十四条)', () => {
  it('ends at 24:00 of the 60th day after acceptance when that is a working day', () => {
    expect(computeDeadline(handling, bj('2025-06-12T15:20'), calendar)).toEqual(endOf('2025-08-11'));
  });
  it('moves a 60th day in the National Day holiday to 2025-10-09', () => {
    expect(computeDeadline(handling, bj('2025-08-05T10:00'), calendar)).toEqual(endOf('2025-10-09'));
  });
  it('moves a 60th day in the Labour Day holiday to 2025-05-06, and one on a Saturday to Monday', () => {
    expect(computeDeadline(handling, bj('2025-03-03T10:00'), calendar)).toEqual(endOf('2025-05-06'));
    expect(computeDeadline(handling, bj('2025-06-10T10:00'), calendar)).toEqual(endOf('2025-08-11'));
  });
  it('spans the 2026 Spring Festival: 60 days from 2025-12-20 end on 2026-02-18 → 02-24', () => {
    expect(computeDeadline(handling, bj('2025-12-20T10:00'), calendar)).toEqual(endOf('2026-02-24'));
  });
});

describe('computeDeadline — other units', () => {
  it('counts working days for the misroute objection', () => {
    expect(computeDeadline(byCode('misroute_objection_5wd'), bj('2025-09-26T10:00'), calendar)).toEqual(endOf('2025-10-10'));
  });
  it('counts working hours for consultations and the same day for simple matters', () => {
    expect(computeDeadline(byCode('330621_consultation_half_day'), bj('2025-03-07T11:00'), calendar)).toEqual(bj('2025-03-07T16:30'));
    expect(computeDeadline(byCode('330621_simple_same_day'), bj('2025-09-27T10:00'), calendar)).toEqual(endOf('2025-09-28'));
  });
  it('counts wall-clock hours around the clock, holidays included', () => {
    expect(computeDeadline(byCode('330621_hotline_risk_2h'), bj('2025-10-01T23:10'), calendar)).toEqual(bj('2025-10-02T01:10'));
  });
});

describe('extendDeadline', () => {
  const due = computeDeadline(handling, bj('2025-06-12T15:20'), calendar); // end of 2025-08-11
  it('adds up to 30 days from the last day of the period', () => {
    expect(extendDeadline(handling, due, calendar, { extensionsUsed: 0 })).toEqual(endOf('2025-09-10'));
    expect(extendDeadline(handling, due, calendar, { extensionsUsed: 0, amount: 20 })).toEqual(endOf('2025-09-01')); // 08-31 is a Sunday
  });
  it('allows one extension of at most 30 days', () => {
    expect(() => extendDeadline(handling, due, calendar, { extensionsUsed: 1 })).toThrow(expect.objectContaining({ code: 'extension_not_allowed' }));
    expect(() => extendDeadline(handling, due, calendar, { extensionsUsed: 0, amount: 31 })).toThrow(expect.objectContaining({ code: 'extension_too_long' }));
    expect(() => extendDeadline(byCode('review_answer_30d'), due, calendar, { extensionsUsed: 0 })).toThrow(
      expect.objectContaining({ code: 'extension_not_allowed' }),
    );
  });
});

describe('resolveDeadline', () => {
  it('runs the clock on the local rule when it comes first', () => {
    const r = resolveDeadline(ALL, { appliesTo: 'handling', jurisdiction: DEMO_JURISDICTION, kind: 'consultation' }, bj('2025-09-26T17:00'), calendar);
    expect(r.selected.code).toBe('330621_consultation_half_day');
    expect(r.governing.code).toBe('330621_consultation_half_day');
    expect(r.dueAt).toEqual(bj('2025-09-28T11:30'));
  });

  it('falls back to the statutory deadline when a local rule in other units would give more time', () => {
    // 500 working hours ≈ 71 working days: not provably looser, but later than 60 days here
    const slow = policy({ code: 'slow_500wh', appliesTo: 'handling', unit: 'working_hours', amount: 500, jurisdiction: DEMO_JURISDICTION });
    const policies = [...STATUTORY_POLICIES, slow];
    const criteria = { appliesTo: 'handling' as const, jurisdiction: DEMO_JURISDICTION };
    expect(selectPolicy(policies, criteria).code).toBe('slow_500wh');
    const r = resolveDeadline(policies, criteria, bj('2025-06-12T15:20'), calendar);
    expect(r.governing.code).toBe('handling_60d');
    expect(r.dueAt).toEqual(endOf('2025-08-11'));
  });
});
