import fc from 'fast-check';
import { ChineseDaysSource, WorkingCalendar } from '@yikouban/calendar';
import { computeDeadline, resolveDeadline } from './compute-deadline';
import { DEFAULT_WARN_AT, DEADLINE_STEPS, DEADLINE_UNITS, type Complexity, type DeadlinePolicy, type PolicyCriteria } from './deadline-policy.types';
import { DEMO_JURISDICTION, LOCAL_POLICIES } from './local-policies';
import { bindingPolicies, trySelectPolicy } from './select-policy';
import { STATUTORY_POLICIES } from './statutory-policies';
import { warningInstants } from './warning-instants';

const calendar = new WorkingCalendar(new ChineseDaysSource());
const COMPLEXITY: Complexity[] = ['urgent', 'simple', 'complex', 'difficult'];
const KINDS = ['consultation', 'utilities', 'life_or_property_risk', 'simple_procedure', 'ordinary_procedure', 'pre_filing'];

const instant = fc.integer({ min: Date.parse('2024-06-01T00:00:00+08:00'), max: Date.parse('2027-03-31T00:00:00+08:00') }).map((ms) => new Date(ms));
const criteria: fc.Arbitrary<PolicyCriteria> = fc.record({
  appliesTo: fc.constantFrom(...DEADLINE_STEPS),
  jurisdiction: fc.constant(DEMO_JURISDICTION),
  complexity: fc.option(fc.constantFrom(...COMPLEXITY), { nil: undefined }),
  firstTime: fc.option(fc.boolean(), { nil: undefined }),
  kind: fc.option(fc.constantFrom(...KINDS), { nil: undefined }),
});
/** Any local rule an administrator might enter, strict or not. */
const localPolicy: fc.Arbitrary<DeadlinePolicy> = fc
  .record({
    i: fc.nat(),
    appliesTo: fc.constantFrom(...DEADLINE_STEPS),
    unit: fc.constantFrom(...DEADLINE_UNITS),
    amount: fc.integer({ min: 0, max: 90 }),
    complexity: fc.option(fc.subarray(COMPLEXITY, { minLength: 1 }), { nil: undefined }),
    kind: fc.option(fc.subarray(KINDS, { minLength: 1 }), { nil: undefined }),
  })
  .map(({ i, appliesTo, unit, amount, complexity, kind }) => ({
    code: `random_${i}`,
    name: '随机',
    nameEn: 'random',
    source: 'test',
    appliesTo,
    unit,
    amount,
    warnAt: DEFAULT_WARN_AT,
    jurisdiction: DEMO_JURISDICTION,
    when: { complexity, kind },
  }));
const policySets = fc.uniqueArray(localPolicy, { maxLength: 8, selector: (p) => p.code }).map((extra) => [...STATUTORY_POLICIES, ...LOCAL_POLICIES, ...extra]);

describe('deadline policies — properties', () => {
  it('a local rule never gives more time than the statutory one', () => {
    fc.assert(
      fc.property(policySets, criteria, instant, (policies, c, start) => {
        const statutory = trySelectPolicy(STATUTORY_POLICIES, c);
        fc.pre(statutory !== null);
        const resolved = resolveDeadline(policies, c, start, calendar);
        expect(resolved.dueAt.getTime()).toBeLessThanOrEqual(computeDeadline(statutory!, start, calendar).getTime());
      }),
    );
  });

  it('the selection does not depend on the order of the list', () => {
    fc.assert(
      fc.property(
        policySets.chain((ps) => fc.tuple(fc.constant(ps), fc.shuffledSubarray(ps, { minLength: ps.length, maxLength: ps.length }))),
        criteria,
        ([ps, shuffled], c) => {
          expect(trySelectPolicy(shuffled, c)?.code).toBe(trySelectPolicy(ps, c)?.code);
        },
      ),
    );
  });

  it('warnings are ordered, fall between start and deadline, end on it, and never inside a holiday for working-day rules', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STATUTORY_POLICIES, ...LOCAL_POLICIES), instant, (p, start) => {
        const due = computeDeadline(p, start, calendar);
        const warnings = warningInstants(p, start, due, calendar);
        expect(warnings).toHaveLength(p.warnAt.length);
        expect(warnings[warnings.length - 1]).toEqual(due);
        warnings.forEach((w, i) => {
          expect(w.getTime()).toBeGreaterThanOrEqual(i === 0 ? start.getTime() : warnings[i - 1].getTime());
          expect(w.getTime()).toBeLessThanOrEqual(due.getTime());
          if (p.unit === 'working_days' || p.unit === 'working_hours') {
            expect(w.getTime() === start.getTime() || calendar.isWorkday(new Date(w.getTime() - 1))).toBe(true);
          }
        });
      }),
    );
  });

  it('for the shipped policies the clock runs on a county rule, and on the earliest of those that bind', () => {
    fc.assert(
      fc.property(criteria, instant, (c, start) => {
        const policies = [...STATUTORY_POLICIES, ...LOCAL_POLICIES];
        const selected = trySelectPolicy(policies, c);
        fc.pre(selected !== null && selected.jurisdiction === DEMO_JURISDICTION);
        const resolved = resolveDeadline(policies, c, start, calendar);
        // Two county rules of equal specificity can both bind (a simple consultation): the
        // selected one is named, but whichever ends first governs.
        expect(resolved.governing.jurisdiction).toBe(DEMO_JURISDICTION);
        const countyRules = bindingPolicies(policies, c).filter((p) => p.jurisdiction === DEMO_JURISDICTION);
        const earliest = Math.min(...countyRules.map((p) => computeDeadline(p, start, calendar).getTime()));
        expect(resolved.dueAt.getTime()).toBe(earliest);
        expect(resolved.dueAt.getTime()).toBeLessThanOrEqual(computeDeadline(selected!, start, calendar).getTime());
      }),
    );
  });

  it('a simple consultation received after 14:00 runs on the same-day rule, since half a working day ends the next morning', () => {
    const c: PolicyCriteria = { appliesTo: 'handling', jurisdiction: DEMO_JURISDICTION, complexity: 'simple', kind: 'consultation' };
    const policies = [...STATUTORY_POLICIES, ...LOCAL_POLICIES];
    const mondayAfternoon = new Date('2026-06-29T14:00:00.001+08:00');
    const resolved = resolveDeadline(policies, c, mondayAfternoon, calendar);
    expect(resolved.selected.code).toBe(`${DEMO_JURISDICTION}_consultation_half_day`);
    expect(resolved.governing.code).toBe(`${DEMO_JURISDICTION}_simple_same_day`);
    expect(resolved.dueAt).toEqual(new Date('2026-06-30T00:00:00+08:00'));
    const morning = resolveDeadline(policies, c, new Date('2026-06-29T09:00:00+08:00'), calendar);
    expect(morning.governing.code).toBe(`${DEMO_JURISDICTION}_consultation_half_day`);
    expect(morning.dueAt).toEqual(new Date('2026-06-29T14:30:00+08:00'));
  });
});
