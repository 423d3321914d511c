import { ChineseDaysSource, WorkingCalendar } from '@yikouban/calendar';
import type { SaveLocalDeadlinePolicy } from '@yikouban/contracts';
import { LOCAL_POLICIES, type DeadlinePolicy } from '../deadline-policy';
import { ActiveRules, type PolicyVersion } from './active-rules';
import { AdministrationError } from './administration.errors';
import { dateRange, describeDays } from './calendar-days';
import { effectiveFrom, localPolicyFrom } from './local-policy-rules';
import { checkOverride } from './override-rules';

const source = new ChineseDaysSource();
const national = new WorkingCalendar(source);
const by = { kind: 'staff' as const, userId: 'u-admin' };
const refusal = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof AdministrationError ? `${e.code} ${e.refusal} ${e.fields?.[0]?.field ?? ''}`.trim() : String(e);
  }
  return undefined;
};

describe('calendar overrides: validated before they are stored', () => {
  const ask = { jurisdiction: '330621', date: '2025-11-12', kind: 'holiday' as const, note: '县庆' };

  it('accepts a local festival on a weekday, replays the same override, refuses a contradicting one', () => {
    expect(checkOverride(ask, undefined, national)).toBe('add');
    expect(checkOverride(ask, { kind: 'holiday', reason: '县庆' }, national)).toBe('replay');
    expect(refusal(() => checkOverride({ ...ask, kind: 'workday' }, { kind: 'holiday', reason: '县庆' }, national))).toBe('CONFLICT override_conflict date');
    expect(refusal(() => checkOverride({ ...ask, note: '另一说明' }, { kind: 'holiday', reason: '县庆' }, national))).toBe('CONFLICT override_conflict date');
  });

  it('refuses dates that do not exist, a blank note, and overrides that change nothing', () => {
    expect(refusal(() => checkOverride({ ...ask, date: '2025-02-29' }, undefined, national))).toBe('BAD_REQUEST invalid_date date');
    expect(refusal(() => checkOverride({ ...ask, date: '1999-01-04' }, undefined, national))).toBe('BAD_REQUEST invalid_date date');
    expect(refusal(() => checkOverride({ ...ask, note: '  ' }, undefined, national))).toBe('BAD_REQUEST invalid_note note');
    // 2025-10-01 is already 国庆节; 2025-09-28 (Sunday) is already a 调休 working day
    expect(refusal(() => checkOverride({ ...ask, date: '2025-10-01' }, undefined, national))).toBe('BAD_REQUEST override_redundant kind');
    expect(refusal(() => checkOverride({ ...ask, date: '2025-09-28', kind: 'workday' }, undefined, national))).toBe('BAD_REQUEST override_redundant kind');
    expect(checkOverride({ ...ask, date: '2025-09-27', kind: 'workday' }, undefined, national)).toBe('add');
  });
});

describe('the calendar view says why each day is or is not a working day', () => {
  it('names weekends, holidays, 调休 make-up days and overrides', () => {
    const overrides = [{ jurisdiction: '330621', date: '2025-10-09', kind: 'holiday' as const, reason: '县庆', createdBy: 'u', createdAt: new Date() }];
    const days = describeDays(source, overrides, dateRange('2025-09-27', '2025-10-12'));
    const by = Object.fromEntries(days.map((d) => [d.date, d]));
    expect(by['2025-09-27']).toMatchObject({ workday: false, reason: 'weekend' });
    expect(by['2025-09-28']).toMatchObject({ workday: true, reason: 'make_up_workday', holidayName: '国庆节' });
    expect(by['2025-09-29']).toMatchObject({ workday: true, reason: 'weekday' });
    expect(by['2025-10-01']).toMatchObject({ workday: false, reason: 'national_holiday', holidayName: '国庆节' });
    expect(by['2025-10-09']).toMatchObject({ workday: false, reason: 'override_holiday', note: '县庆', overrideJurisdiction: '330621' });
    expect(by['2025-10-11']).toMatchObject({ workday: true, reason: 'make_up_workday' });
    expect(days).toHaveLength(16);
  });

  it('refuses a range that runs backwards or over a year', () => {
    expect(refusal(() => dateRange('2025-10-02', '2025-10-01'))).toBe('BAD_REQUEST invalid_range to');
    expect(refusal(() => dateRange('2025-01-01', '2026-01-02'))).toBe('BAD_REQUEST invalid_range to');
    expect(refusal(() => dateRange('2025-13-01', '2025-12-01'))).toBe('BAD_REQUEST invalid_date from');
  });
});

describe('local deadline policies: only stricter than the statutory rule they tighten', () => {
  const input = (over: Partial<SaveLocalDeadlinePolicy> = {}): SaveLocalDeadlinePolicy => ({
    jurisdiction: '330621', code: 'handling_30d', name: '一般事项30日内办结', nameEn: 'Handled within 30 days', appliesTo: 'handling', unit: 'natural_days', amount: 30, source: '示范县文件第3条', by, ...over,
  });

  it('builds the stored policy with the jurisdiction prefix and the default warning shares', () => {
    expect(localPolicyFrom(input())).toMatchObject({ code: '330621_handling_30d', jurisdiction: '330621', unit: 'natural_days', amount: 30, warnAt: [0.5, 0.8, 1] });
    expect(localPolicyFrom(input({ unit: 'working_days', amount: 20, warnAt: [0.6, 0.9], when: { complexity: ['simple'] } }))).toMatchObject({ when: { complexity: ['simple'] }, warnAt: [0.6, 0.9] });
    // working hours against 60 days depends on the calendar: allowed, the planner takes the earliest
    expect(localPolicyFrom(input({ unit: 'working_hours', amount: 7 })).unit).toBe('working_hours');
  });

  it('refuses a rule looser than the statutory one, fractional days and bad warning shares', () => {
    expect(refusal(() => localPolicyFrom(input({ amount: 61 })))).toBe('BAD_REQUEST invalid_policy amount');
    // 60 working days are never sooner than 60 natural days
    expect(refusal(() => localPolicyFrom(input({ unit: 'working_days', amount: 60 })))).toBe('BAD_REQUEST invalid_policy amount');
    expect(refusal(() => localPolicyFrom(input({ amount: 1.5 })))).toBe('BAD_REQUEST invalid_policy amount');
    expect(refusal(() => localPolicyFrom(input({ warnAt: [0.8, 0.5] })))).toBe('BAD_REQUEST invalid_policy warnAt');
    expect(refusal(() => localPolicyFrom(input({ warnAt: [0, 1] })))).toBe('BAD_REQUEST invalid_policy warnAt');
    // the misroute objection is 5 working days by law; 6 is looser
    expect(refusal(() => localPolicyFrom(input({ appliesTo: 'misroute_objection', unit: 'working_days', amount: 6 })))).toBe('BAD_REQUEST invalid_policy amount');
    // a step with no statutory rule (feedback) takes any sound amount
    expect(localPolicyFrom(input({ appliesTo: 'feedback', amount: 90 })).amount).toBe(90);
  });

  it('takes effect now or later, never earlier', () => {
    const now = new Date('2026-03-02T02:00:00Z');
    expect(effectiveFrom(undefined, now)).toEqual(now);
    expect(effectiveFrom('2026-04-01T00:00:00+08:00', now)).toEqual(new Date('2026-03-31T16:00:00Z'));
    expect(refusal(() => effectiveFrom('2026-03-01T00:00:00Z', now))).toBe('BAD_REQUEST effective_in_past effectiveFrom');
  });
});

describe('the active rules the planner reads', () => {
  const version = (policy: DeadlinePolicy, v: number, from: string, until: string | null): PolicyVersion => ({ policy, version: v, effectiveFrom: new Date(from), effectiveUntil: until ? new Date(until) : null, createdBy: 'u' });
  const consultation = LOCAL_POLICIES.find((p) => p.code === '330621_consultation_half_day') as DeadlinePolicy;
  const tighter = { ...consultation, amount: 2 };

  it('keeps each clock on the version in force at its start', () => {
    const rules = new ActiveRules();
    rules.replace({ overrides: [], localPolicies: [version(consultation, 1, '1970-01-01', '2026-03-01T00:00:00Z'), version(tighter, 2, '2026-03-01T00:00:00Z', null)] });
    expect(rules.policyOf(consultation.code, new Date('2026-02-01'))?.amount).toBe(3.5);
    expect(rules.policyOf(consultation.code, new Date('2026-03-02'))?.amount).toBe(2);
    expect(rules.policiesAt(new Date('2026-02-01')).filter((p) => p.code === consultation.code).map((p) => p.amount)).toEqual([3.5]);
    expect(rules.policiesAt(new Date('2026-03-02')).filter((p) => p.code === consultation.code).map((p) => p.amount)).toEqual([2]);
    expect(rules.policyOf('handling_60d')?.amount).toBe(60);
  });

  it("counts with the jurisdiction's overrides and its ancestors', the nearest winning", () => {
    const rules = new ActiveRules();
    const o = (jurisdiction: string, date: string, kind: 'holiday' | 'workday') => ({ jurisdiction, date, kind, reason: 'x', createdBy: 'u', createdAt: new Date() });
    rules.replace({ overrides: [o('3306', '2025-11-12', 'holiday'), o('330621', '2025-11-12', 'workday'), o('3306', '2025-11-13', 'holiday')], localPolicies: [] });
    expect(rules.calendarFor('330621101').isWorkday('2025-11-12')).toBe(true);
    expect(rules.calendarFor('330621101').isWorkday('2025-11-13')).toBe(false);
    expect(rules.calendarFor('330602').isWorkday('2025-11-12')).toBe(false);
    expect(rules.calendarFor('110101').isWorkday('2025-11-13')).toBe(true);
    expect(rules.calendarFor(null).isWorkday('2025-11-13')).toBe(true);
  });
});
