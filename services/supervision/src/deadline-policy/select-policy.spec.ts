import { DEMO_JURISDICTION, LOCAL_POLICIES } from './local-policies';
import { bindingPolicies, selectPolicy, trySelectPolicy } from './select-policy';
import { STATUTORY_POLICIES } from './statutory-policies';
import { compareStrictness } from './strictness';
import { DEFAULT_WARN_AT, type DeadlinePolicy, type PolicyCriteria } from './deadline-policy.types';

/** A policy for tests; only what a test sets matters. */
const policy = (p: Partial<DeadlinePolicy> & Pick<DeadlinePolicy, 'code' | 'appliesTo' | 'unit' | 'amount'>): DeadlinePolicy => ({
  name: '测试',
  nameEn: 'test',
  source: 'test',
  warnAt: DEFAULT_WARN_AT,
  jurisdiction: null,
  ...p,
});

const ALL = [...STATUTORY_POLICIES, ...LOCAL_POLICIES];
const county = DEMO_JURISDICTION;
const pick = (c: Omit<PolicyCriteria, 'jurisdiction'> & { jurisdiction?: PolicyCriteria['jurisdiction'] }) =>
  selectPolicy(ALL, { jurisdiction: county, ...c }).code;

describe('selectPolicy', () => {
  it('uses the national rule where the county has none, or for another county', () => {
    expect(pick({ appliesTo: 'handling' })).toBe('handling_60d');
    expect(pick({ appliesTo: 'handling', complexity: 'complex' })).toBe('handling_60d');
    expect(pick({ appliesTo: 'handling', kind: 'consultation', jurisdiction: '110101' })).toBe('handling_60d');
    expect(pick({ appliesTo: 'handling', complexity: 'simple', jurisdiction: null })).toBe('handling_60d');
    expect(pick({ appliesTo: 'misroute_objection' })).toBe('misroute_objection_5wd');
    expect(pick({ appliesTo: 'recheck_answer' })).toBe('recheck_answer_30d');
  });

  it('lets the stricter county rule win for consultations and simple matters', () => {
    expect(pick({ appliesTo: 'handling', kind: 'consultation' })).toBe('330621_consultation_half_day');
    expect(pick({ appliesTo: 'handling', complexity: 'simple' })).toBe('330621_simple_same_day');
    expect(pick({ appliesTo: 'preliminary_plan', complexity: 'difficult' })).toBe('330621_complex_plan_same_day');
  });

  it('picks the 12345 feedback window by kind and complexity', () => {
    expect(pick({ appliesTo: 'feedback', kind: 'life_or_property_risk' })).toBe('330621_hotline_risk_2h');
    expect(pick({ appliesTo: 'feedback', kind: 'utilities' })).toBe('330621_hotline_utilities_24h');
    expect(pick({ appliesTo: 'feedback' })).toBe('330621_hotline_general_7d');
    expect(pick({ appliesTo: 'feedback', complexity: 'complex' })).toBe('330621_hotline_complex_15d');
    expect(pick({ appliesTo: 'feedback', firstTime: true })).toBe('330621_first_time_feedback_7d');
    // a first-time complex matter: both rules are equally specific; 7 days is provably the stricter
    expect(pick({ appliesTo: 'feedback', firstTime: true, complexity: 'complex' })).toBe('330621_first_time_feedback_7d');
  });

  it('picks the court mediation period by procedure, people’s mediation otherwise', () => {
    expect(pick({ appliesTo: 'mediation', kind: 'simple_procedure' })).toBe('mediation_simple_7d');
    expect(pick({ appliesTo: 'mediation', kind: 'ordinary_procedure' })).toBe('mediation_ordinary_15d');
    expect(pick({ appliesTo: 'mediation', kind: 'pre_filing' })).toBe('mediation_pre_filing_30d');
    expect(pick({ appliesTo: 'mediation' })).toBe('mediation_people_30d');
  });

  it('says so when no rule covers the step', () => {
    expect(trySelectPolicy(ALL, { appliesTo: 'feedback', jurisdiction: '110101' })).toBeNull();
    expect(() => selectPolicy(ALL, { appliesTo: 'preliminary_plan', jurisdiction: county, complexity: 'simple' })).toThrow(
      expect.objectContaining({ code: 'no_applicable_policy' }),
    );
  });

  it('ignores a local rule that is looser than the statutory one', () => {
    const looser = policy({ code: 'x_handling_90d', appliesTo: 'handling', unit: 'natural_days', amount: 90, jurisdiction: county });
    const looserWorkingDays = policy({ code: 'x_handling_61wd', appliesTo: 'handling', unit: 'working_days', amount: 61, jurisdiction: county });
    expect(selectPolicy([...STATUTORY_POLICIES, looser], { appliesTo: 'handling', jurisdiction: county }).code).toBe('handling_60d');
    expect(selectPolicy([...STATUTORY_POLICIES, looserWorkingDays], { appliesTo: 'handling', jurisdiction: county }).code).toBe('handling_60d');
  });

  it('walks the jurisdiction chain: a county may tighten its city’s rule but not loosen it', () => {
    const city = policy({ code: 'city_first_time_20d', appliesTo: 'handling', unit: 'natural_days', amount: 20, jurisdiction: '330600', when: { firstTime: true } });
    const countyLoose = policy({ code: 'county_handling_30d', appliesTo: 'handling', unit: 'natural_days', amount: 30, jurisdiction: county });
    const countyTight = policy({ code: 'county_handling_15d', appliesTo: 'handling', unit: 'natural_days', amount: 15, jurisdiction: county });
    const chain = [county, '330600'];
    expect(selectPolicy([...STATUTORY_POLICIES, city, countyLoose], { appliesTo: 'handling', jurisdiction: chain, firstTime: true }).code).toBe('city_first_time_20d');
    expect(selectPolicy([...STATUTORY_POLICIES, city, countyLoose], { appliesTo: 'handling', jurisdiction: chain }).code).toBe('county_handling_30d');
    expect(selectPolicy([...STATUTORY_POLICIES, city, countyTight], { appliesTo: 'handling', jurisdiction: chain, firstTime: true }).code).toBe('county_handling_15d');
    expect(bindingPolicies([...STATUTORY_POLICIES, city, countyTight], { appliesTo: 'handling', jurisdiction: chain, firstTime: true }).map((p) => p.code)).toEqual([
      'handling_60d',
      'city_first_time_20d',
      'county_handling_15d',
    ]);
  });

  it('does not depend on the order of the policy list', () => {
    const criteria: PolicyCriteria = { appliesTo: 'feedback', jurisdiction: county, firstTime: true, complexity: 'difficult' };
    expect(selectPolicy([...ALL].reverse(), criteria).code).toBe(selectPolicy(ALL, criteria).code);
  });
});

describe('compareStrictness', () => {
  const span = (unit: 'natural_days' | 'working_days' | 'working_hours' | 'hours', amount: number) => ({ unit, amount });
  it.each([
    [span('natural_days', 7), span('natural_days', 60), 'stricter_or_equal'],
    [span('natural_days', 90), span('natural_days', 60), 'looser'],
    [span('hours', 24), span('natural_days', 1), 'stricter_or_equal'],
    [span('hours', 49), span('natural_days', 2), 'undecidable'],
    [span('natural_days', 3), span('hours', 24), 'looser'],
    [span('natural_days', 5), span('working_days', 5), 'stricter_or_equal'],
    [span('working_days', 5), span('natural_days', 5), 'looser'],
    [span('working_days', 5), span('natural_days', 10), 'undecidable'],
    [span('working_days', 0), span('natural_days', 60), 'stricter_or_equal'],
    [span('working_hours', 3.5), span('natural_days', 60), 'undecidable'],
  ] as const)('%o against %o is %s', (local, baseline, expected) => {
    expect(compareStrictness(local, baseline)).toBe(expected);
  });
});
