import type { CategorySeed } from '../classification/classification.types';
import type { OrganisationSeed } from '../directory/directory.types';
import type { RegionTree } from '../directory/region-tree';
import type { RoutingRule } from './routing-rule.types';

/**
 * Every reason a rule set is not fit to be activated, for the administrator who edited it:
 * an empty list means every rule points at a known region, category and organisation, and no
 * rule sends a place's grievances to a unit of another place.
 */
export function routingRuleProblems(
  rules: readonly RoutingRule[],
  tree: RegionTree,
  orgs: readonly OrganisationSeed[],
  categories?: readonly CategorySeed[],
): string[] {
  const out: string[] = [];
  const byCode = new Map(orgs.map((o) => [o.code, o]));
  const categoryCodes = categories ? new Set(categories.map((c) => c.code)) : undefined;
  const versions = new Set(rules.map((r) => r.version));
  if (versions.size > 1) out.push(`the set mixes rule versions ${[...versions].sort((a, b) => a - b).join(', ')}`);
  const seen = new Set<string>();
  for (const r of rules) {
    const at = (msg: string) => out.push(`rule ${r.id} v${r.version}: ${msg}`);
    const k = `${r.id}\u0000${r.version}`;
    if (seen.has(k)) at('duplicate id and version');
    seen.add(k);
    if (!Number.isInteger(r.version) || r.version < 1) at('version must be a whole number ≥ 1');
    if (!Number.isInteger(r.priority)) at('priority must be a whole number');
    if (r.minHeadcount !== undefined && (!Number.isInteger(r.minHeadcount) || r.minHeadcount < 1)) at('minHeadcount must be a whole number ≥ 1');
    if (r.minAmountYuan !== undefined && !(Number.isFinite(r.minAmountYuan) && r.minAmountYuan >= 0)) at('minAmountYuan must be ≥ 0');
    if (categoryCodes && !categoryCodes.has(r.categoryCode)) at(`unknown category ${r.categoryCode}`);
    if (!tree.has(r.regionCode)) {
      at(`unknown region ${r.regionCode}`);
      continue;
    }
    if (r.coOrgCodes.includes(r.leadOrgCode)) at('the lead unit is also a co-handler');
    for (const code of [r.leadOrgCode, ...r.coOrgCodes]) {
      const org = byCode.get(code);
      if (!org) at(`unknown organisation ${code}`);
      else if (!tree.has(org.regionCode)) at(`organisation ${code} sits in unknown region ${org.regionCode}`);
      // 属地: a unit may serve the rule's region from above (county department) or inside it, never from a neighbouring place.
      else if (!tree.isWithin(r.regionCode, org.regionCode) && !tree.isWithin(org.regionCode, r.regionCode)) {
        at(`organisation ${code} (${org.regionCode}) is outside region ${r.regionCode}`);
      }
    }
  }
  return out;
}
