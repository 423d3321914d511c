import { activeRules } from '../administration/active-rules';
import { DEFAULT_WARN_AT, type DeadlinePolicy } from '../deadline-policy';
import { handlingStart, planRegistrationClock } from './deadline-planner';

const bj = (local: string) => new Date(`${local}+08:00`);
const COUNTY = '330621';
const profile = { regionCode: '330621101', firstTime: true, complexity: null, statutoryPath: null };

const countyRule = (code: string, amount: number, unit: DeadlinePolicy['unit'] = 'natural_days'): DeadlinePolicy => ({
  code: `${COUNTY}_${code}`, name: '登记转送', nameEn: 'Registration', appliesTo: 'registration', unit, amount, source: 'test', warnAt: DEFAULT_WARN_AT, jurisdiction: COUNTY,
});

describe('planRegistrationClock — 登记并转送、交办 within 15 days of receipt (第二十二条)', () => {
  const seeded = activeRules.current;
  afterEach(() => activeRules.replace(seeded));

  it('runs the statutory 15 natural days from the receipt, to 24:00 of the last day', () => {
    // Received Mon 2 Mar 2026: day 15 is Tue 17 Mar, a working day.
    expect(planRegistrationClock(profile, bj('2026-03-02T09:00:00'))).toEqual({
      step: 'registration', policyCode: 'registration_transfer_15d', dueAt: bj('2026-03-18T00:00:00'), warnShares: [0.5, 0.8],
    });
  });

  it('moves a last day on a holiday to the next working day', () => {
    // Received Tue 16 Sep 2025: day 15 is 1 Oct, National Day; the holiday runs to 8 Oct, so the 9th is the last day.
    expect(planRegistrationClock(profile, bj('2025-09-16T15:00:00'))?.dueAt).toEqual(bj('2025-10-10T00:00:00'));
  });

  it('ends where a late registration stops giving the handling time back (the same rule as handlingStart)', () => {
    const receivedAt = bj('2026-01-20T11:00:00');
    expect(planRegistrationClock(profile, receivedAt)?.dueAt).toEqual(handlingStart(bj('2026-12-01T00:00:00'), receivedAt, profile.regionCode));
  });

  it('lets a county tighten the period, never loosen it', () => {
    activeRules.replace({ overrides: [], localPolicies: [{ policy: countyRule('registration_7d', 7), version: 1, effectiveFrom: new Date(0), effectiveUntil: null, createdBy: 'test' }] });
    expect(planRegistrationClock(profile, bj('2026-03-02T09:00:00'))).toMatchObject({ policyCode: '330621_registration_7d', dueAt: bj('2026-03-10T00:00:00') });
    // Outside the county the national rule still governs.
    expect(planRegistrationClock({ ...profile, regionCode: '440784' }, bj('2026-03-02T09:00:00'))?.policyCode).toBe('registration_transfer_15d');

    activeRules.replace({ overrides: [], localPolicies: [{ policy: countyRule('registration_20d', 20), version: 1, effectiveFrom: new Date(0), effectiveUntil: null, createdBy: 'test' }] });
    expect(planRegistrationClock(profile, bj('2026-03-02T09:00:00'))).toMatchObject({ policyCode: 'registration_transfer_15d', dueAt: bj('2026-03-18T00:00:00') });
  });

  it('takes the earliest deadline when a county counts in working days', () => {
    // 12 working days from Mon 2 Mar 2026 end with Wed 18 Mar: later than the 15 natural days, which govern.
    activeRules.replace({ overrides: [], localPolicies: [{ policy: countyRule('registration_12wd', 12, 'working_days'), version: 1, effectiveFrom: new Date(0), effectiveUntil: null, createdBy: 'test' }] });
    expect(planRegistrationClock(profile, bj('2026-03-02T09:00:00'))).toMatchObject({ policyCode: 'registration_transfer_15d', dueAt: bj('2026-03-18T00:00:00') });
  });

  it('counts on the jurisdiction’s own calendar: a county day off on the last day moves it', () => {
    activeRules.replace({ overrides: [{ jurisdiction: COUNTY, date: '2026-03-17', kind: 'holiday', reason: '县里调休', createdBy: 'test', createdAt: new Date() }], localPolicies: [] });
    expect(planRegistrationClock(profile, bj('2026-03-02T09:00:00'))?.dueAt).toEqual(bj('2026-03-19T00:00:00'));
    expect(planRegistrationClock({ ...profile, regionCode: '440784' }, bj('2026-03-02T09:00:00'))?.dueAt).toEqual(bj('2026-03-18T00:00:00'));
  });
});
