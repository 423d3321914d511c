import { DeadlinePolicyError } from './deadline-policy.errors';
import type { DeadlinePolicy, PolicyConditions, PolicyCriteria } from './deadline-policy.types';
import { compareStrictness, provablyNoLaterThan } from './strictness';

export function conditionsMet(when: PolicyConditions | undefined, c: PolicyCriteria): boolean {
  if (!when) return true;
  if (when.complexity && (c.complexity === undefined || !when.complexity.includes(c.complexity))) return false;
  if (when.firstTime !== undefined && (c.firstTime ?? false) !== when.firstTime) return false;
  if (when.kind && (c.kind === undefined || !when.kind.includes(c.kind))) return false;
  return true;
}

/** How many conditions a policy names: the more, the more specific. */
function specificity(p: DeadlinePolicy): number {
  const w = p.when ?? {};
  return (w.complexity ? 1 : 0) + (w.firstTime !== undefined ? 1 : 0) + (w.kind ? 1 : 0);
}

function nearestFirst(jurisdiction: PolicyCriteria['jurisdiction']): readonly string[] {
  if (jurisdiction === null) return [];
  return typeof jurisdiction === 'string' ? [jurisdiction] : jurisdiction;
}

/** Within one level: provably stricter first, then by code so the answer never depends on input order. */
function byStrictness(a: DeadlinePolicy, b: DeadlinePolicy): number {
  const ab = provablyNoLaterThan(a, b);
  const ba = provablyNoLaterThan(b, a);
  if (ab !== ba) return ab ? -1 : 1;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/**
 * Every rule that binds the step for this matter, from the national level to the nearest
 * jurisdiction. At each level only its most specific applicable rules count (a rule for
 * first-time or simple matters displaces that level's general rule). A level's rule joins the
 * chain unless it is provably looser than one already in it: a local rule may only tighten the
 * statutory one, and a county only its city's. Rules whose strictness depends on the calendar
 * join too; resolveDeadline then takes the earliest actual deadline.
 */
export function bindingPolicies(policies: readonly DeadlinePolicy[], criteria: PolicyCriteria): DeadlinePolicy[] {
  const levels: (string | null)[] = [null, ...[...nearestFirst(criteria.jurisdiction)].reverse()];
  const chain: DeadlinePolicy[] = [];
  for (const level of levels) {
    const here = policies.filter((p) => p.jurisdiction === level && p.appliesTo === criteria.appliesTo && conditionsMet(p.when, criteria));
    const top = Math.max(-1, ...here.map(specificity));
    for (const p of here.filter((q) => specificity(q) === top).sort(byStrictness)) {
      if (chain.every((bound) => compareStrictness(p, bound) !== 'looser')) chain.push(p);
    }
  }
  return chain;
}

/**
 * The policy named for the step: the most specific rule of the nearest jurisdiction that has one,
 * else the national rule. Null when no rule covers the step.
 */
export function trySelectPolicy(policies: readonly DeadlinePolicy[], criteria: PolicyCriteria): DeadlinePolicy | null {
  return selectedOf(bindingPolicies(policies, criteria));
}

/** The named policy of a binding chain: the first rule of its nearest level. */
export function selectedOf(chain: readonly DeadlinePolicy[]): DeadlinePolicy | null {
  if (chain.length === 0) return null;
  const nearest = chain[chain.length - 1].jurisdiction;
  return chain.find((p) => p.jurisdiction === nearest) ?? null;
}

export function selectPolicy(policies: readonly DeadlinePolicy[], criteria: PolicyCriteria): DeadlinePolicy {
  return requirePolicy(trySelectPolicy(policies, criteria), criteria);
}

export function requirePolicy(policy: DeadlinePolicy | null, criteria: PolicyCriteria): DeadlinePolicy {
  if (!policy) {
    throw new DeadlinePolicyError('no_applicable_policy', `没有适用于该环节的期限规则 / No deadline policy for step ${criteria.appliesTo}`);
  }
  return policy;
}
