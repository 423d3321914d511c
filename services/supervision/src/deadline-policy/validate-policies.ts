import { DeadlinePolicyError } from './deadline-policy.errors';
import { DEADLINE_STEPS, DEADLINE_UNITS, type DeadlinePolicy, type PolicyConditions } from './deadline-policy.types';
import { compareStrictness } from './strictness';

const CODE = /^[a-z0-9_]{1,100}$/;

/** Problems with one policy's data, in Chinese with English; empty when it is sound. */
export function policyProblems(p: DeadlinePolicy): string[] {
  const problems: string[] = [];
  const whole = p.unit === 'natural_days' || p.unit === 'working_days';
  if (!CODE.test(p.code)) problems.push(`编码须为小写字母、数字或下划线 / code must be [a-z0-9_]: ${p.code}`);
  if (!p.name.trim() || !p.nameEn.trim()) problems.push(`${p.code}: 名称不能为空 / name and nameEn are required`);
  if (!p.source.trim()) problems.push(`${p.code}: 须注明依据 / source is required`);
  if (!DEADLINE_STEPS.includes(p.appliesTo)) problems.push(`${p.code}: 未知环节 / unknown step ${p.appliesTo}`);
  if (!DEADLINE_UNITS.includes(p.unit)) problems.push(`${p.code}: 未知单位 / unknown unit ${p.unit}`);
  if (!Number.isFinite(p.amount) || p.amount < 0 || (whole && !Number.isInteger(p.amount))) {
    problems.push(`${p.code}: 期限须为非负数（日须为整数）/ amount must be ≥ 0, whole for days`);
  }
  const sortedShares = p.warnAt.every((s, i) => s > 0 && s <= 1 && (i === 0 || s > p.warnAt[i - 1]));
  if (!sortedShares) problems.push(`${p.code}: 预警比例须在(0,1]内且递增 / warnAt shares must be in (0, 1] and ascending`);
  if (p.jurisdiction !== null && !p.jurisdiction.trim()) problems.push(`${p.code}: 辖区编码不能为空 / jurisdiction must be a code or null`);
  const maxExt = p.maxExtensions ?? 0;
  if (!Number.isInteger(maxExt) || maxExt < 0) problems.push(`${p.code}: 延期次数须为非负整数 / maxExtensions must be a whole number ≥ 0`);
  if (maxExt > 0 && !(p.extensionAmount !== undefined && p.extensionAmount > 0)) {
    problems.push(`${p.code}: 允许延期须注明延长期限 / extensionAmount is required with maxExtensions`);
  }
  return problems;
}

/** Whether `outer` applies to every matter `inner` applies to. */
function covers(outer: PolicyConditions | undefined, inner: PolicyConditions | undefined): boolean {
  const o = outer ?? {};
  const i = inner ?? {};
  const within = (all: readonly string[] | undefined, some: readonly string[] | undefined) => !all || (!!some && some.every((x) => all.includes(x)));
  return within(o.complexity, i.complexity) && within(o.kind, i.kind) && (o.firstTime === undefined || o.firstTime === i.firstTime);
}

/**
 * Problems with a set of policies: each policy's own, repeated codes, and local rules provably
 * looser than a national rule that applies whenever they do.
 */
export function validatePolicies(policies: readonly DeadlinePolicy[]): string[] {
  const problems = policies.flatMap(policyProblems);
  const seen = new Set<string>();
  for (const p of policies) {
    if (seen.has(p.code)) problems.push(`编码重复 / duplicate code ${p.code}`);
    seen.add(p.code);
  }
  for (const local of policies.filter((p) => p.jurisdiction !== null)) {
    for (const statutory of policies.filter((p) => p.jurisdiction === null && p.appliesTo === local.appliesTo && covers(p.when, local.when))) {
      if (compareStrictness(local, statutory) === 'looser') {
        problems.push(`${local.code}: 地方规则不得宽于法定期限 ${statutory.code} / a local rule may not be looser than ${statutory.code}`);
      }
    }
  }
  return problems;
}

export function assertValidPolicies(policies: readonly DeadlinePolicy[]): void {
  const problems = validatePolicies(policies);
  if (problems.length > 0) throw new DeadlinePolicyError('invalid_policy', problems.join('; '));
}
