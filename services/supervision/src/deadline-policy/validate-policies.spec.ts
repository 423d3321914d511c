import { LOCAL_POLICIES, demoCountyPolicies } from './local-policies';
import { STATUTORY_POLICIES } from './statutory-policies';
import { DEFAULT_WARN_AT, type DeadlinePolicy } from './deadline-policy.types';
import { assertValidPolicies, validatePolicies } from './validate-policies';

/** A policy for tests; only what a test sets matters. */
const policy = (p: Partial<DeadlinePolicy> & Pick<DeadlinePolicy, 'code' | 'appliesTo' | 'unit' | 'amount'>): DeadlinePolicy => ({
  name: '测试',
  nameEn: 'test',
  source: 'test',
  warnAt: DEFAULT_WARN_AT,
  jurisdiction: null,
  ...p,
});

describe('validatePolicies', () => {
  it('accepts the shipped statutory and demo-county policies, each with a source', () => {
    expect(validatePolicies([...STATUTORY_POLICIES, ...LOCAL_POLICIES])).toEqual([]);
    expect([...STATUTORY_POLICIES, ...LOCAL_POLICIES].every((p) => p.source.length > 0)).toBe(true);
    expect(demoCountyPolicies('330602').every((p) => p.jurisdiction === '330602' && p.code.startsWith('330602_'))).toBe(true);
  });

  it('reports malformed data', () => {
    const bad = [
      policy({ code: 'neg', appliesTo: 'handling', unit: 'natural_days', amount: -1 }),
      policy({ code: 'frac', appliesTo: 'handling', unit: 'working_days', amount: 1.5 }),
      policy({ code: 'shares', appliesTo: 'handling', unit: 'hours', amount: 2, warnAt: [0.8, 0.5] }),
      policy({ code: 'ext', appliesTo: 'handling', unit: 'natural_days', amount: 10, maxExtensions: 1 }),
      policy({ code: 'Bad Code', appliesTo: 'handling', unit: 'hours', amount: 2 }),
    ];
    const problems = validatePolicies(bad);
    for (const code of ['neg', 'frac', 'shares', 'ext', 'Bad Code']) expect(problems.some((m) => m.includes(code))).toBe(true);
    expect(problems).toHaveLength(5);
  });

  it('reports repeated codes and a local rule looser than the statutory one it falls under', () => {
    const looser = policy({ code: 'c_first_time_90d', appliesTo: 'handling', unit: 'natural_days', amount: 90, jurisdiction: '330621', when: { firstTime: true } });
    const problems = validatePolicies([...STATUTORY_POLICIES, looser, looser]);
    expect(problems).toEqual([expect.stringContaining('duplicate code c_first_time_90d'), expect.stringContaining('handling_60d'), expect.stringContaining('handling_60d')]);
    expect(() => assertValidPolicies([...STATUTORY_POLICIES, looser])).toThrow(expect.objectContaining({ code: 'invalid_policy' }));
  });

  it('checks a local mediation rule only against the national rule that covers it', () => {
    // 10 days is looser than simple procedure (7) but within ordinary procedure (15) and people's mediation (30)
    const ordinary = policy({ code: 'c_ordinary_10d', appliesTo: 'mediation', unit: 'natural_days', amount: 10, jurisdiction: '330621', when: { kind: ['ordinary_procedure'] } });
    const simple = policy({ code: 'c_simple_10d', appliesTo: 'mediation', unit: 'natural_days', amount: 10, jurisdiction: '330621', when: { kind: ['simple_procedure'] } });
    expect(validatePolicies([...STATUTORY_POLICIES, ordinary])).toEqual([]);
    expect(validatePolicies([...STATUTORY_POLICIES, simple])).toEqual([expect.stringContaining('mediation_simple_7d')]);
  });
});
