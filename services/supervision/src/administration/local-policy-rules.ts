import type { SaveLocalDeadlinePolicy } from '@yikouban/contracts';
import { DEFAULT_WARN_AT, policyProblems, STATUTORY_POLICIES, validatePolicies, type DeadlinePolicy, type PolicyConditions } from '../deadline-policy';
import { AdministrationError } from './administration.errors';

/** Clocks between two replicas' clocks may disagree by this much; "now" is not "in the past". */
const CLOCK_SKEW_MS = 60_000;

/** The stored code of a local policy: the jurisdiction's prefix and the administrator's short code. */
export function localCode(jurisdiction: string, code: string): string {
  return code.startsWith(`${jurisdiction}_`) ? code : `${jurisdiction}_${code}`;
}

function conditionsOf(when: SaveLocalDeadlinePolicy['when']): PolicyConditions | undefined {
  if (!when) return undefined;
  const c: PolicyConditions = {
    ...(when.complexity ? { complexity: [...new Set(when.complexity)] } : {}),
    ...(when.firstTime !== undefined ? { firstTime: when.firstTime } : {}),
    ...(when.kind ? { kind: [...new Set(when.kind)] } : {}),
  };
  return Object.keys(c).length > 0 ? c : undefined;
}

/**
 * The policy an administrator's input describes, checked: the policy's own data (unit, whole days,
 * warning shares ascending in (0, 1], its source) and — reusing strictness.ts through
 * validatePolicies — that it is not provably looser than any statutory policy that applies
 * whenever it does. Rules whose strictness depends on the calendar (working hours against days) are
 * allowed: the planner takes the earliest deadline of every binding rule anyway.
 */
export function localPolicyFrom(input: SaveLocalDeadlinePolicy): DeadlinePolicy {
  const when = conditionsOf(input.when);
  const policy: DeadlinePolicy = {
    code: localCode(input.jurisdiction, input.code),
    name: input.name.trim(),
    nameEn: input.nameEn.trim(),
    appliesTo: input.appliesTo,
    unit: input.unit,
    amount: input.amount,
    source: input.source.trim(),
    warnAt: input.warnAt ? [...input.warnAt] : DEFAULT_WARN_AT,
    jurisdiction: input.jurisdiction,
    ...(when ? { when } : {}),
    ...(input.note?.trim() ? { note: input.note.trim() } : {}),
  };
  const own = policyProblems(policy);
  if (own.length > 0) throw new AdministrationError('invalid_policy', own.join('; '), fieldOf(own[0]));
  const looser = validatePolicies([...STATUTORY_POLICIES, policy]).filter((p) => p.startsWith(`${policy.code}:`));
  if (looser.length > 0) throw new AdministrationError('invalid_policy', looser.join('; '), 'amount');
  return policy;
}

function fieldOf(problem: string): string {
  if (problem.includes('warnAt')) return 'warnAt';
  if (problem.includes('amount')) return 'amount';
  if (problem.includes('source')) return 'source';
  if (problem.includes('name')) return 'name';
  if (problem.includes('code')) return 'code';
  return 'policy';
}

/** When a new version (or a retirement) takes effect: now by default, never in the past. */
export function effectiveFrom(iso: string | undefined, now: Date): Date {
  if (iso === undefined) return now;
  const at = new Date(iso);
  if (!Number.isFinite(at.getTime())) throw new AdministrationError('invalid_date', `不是有效时间 / not an instant: ${iso}`, 'effectiveFrom');
  if (at.getTime() < now.getTime() - CLOCK_SKEW_MS) {
    throw new AdministrationError('effective_in_past', '生效时间不能早于现在：已在计时的期限沿用原规则 / effectiveFrom may not be in the past: running clocks keep their policy', 'effectiveFrom');
  }
  return at;
}
