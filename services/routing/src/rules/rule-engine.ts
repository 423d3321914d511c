import type { CategorySeed } from '../classification/classification.types';
import type { OrganisationSeed, RegionSeed } from '../directory/directory.types';
import type { RegionTree } from '../directory/region-tree';
import type { RoutingDecision, RoutingInput, RoutingRule } from './routing-rule.types';

/** Collective wage arrears (群体性欠薪) bring the construction authority in as co-handler. */
export const COLLECTIVE_HEADCOUNT = 5;

function applies(rule: RoutingRule, input: RoutingInput): boolean {
  if (rule.categoryCode !== input.categoryCode) return false;
  if (rule.minHeadcount !== undefined && input.headcount < rule.minHeadcount) return false;
  if (rule.collectiveOnly && input.headcount < COLLECTIVE_HEADCOUNT) return false;
  if (rule.minAmountYuan !== undefined && (input.amountYuan ?? 0) < rule.minAmountYuan) return false;
  return true;
}

/**
 * 属地管理 + 分管职责: the matching rule at the grievance's region, else the nearest one up the
 * tree. At one level the highest priority wins. Null when nothing matches anywhere: the caller
 * routes to the petition bureau (信访兜底).
 */
export function resolveRouting(input: RoutingInput, rules: RoutingRule[], tree: RegionTree): RoutingDecision | null {
  const chain = [input.regionCode, ...tree.ancestorsOf(input.regionCode).map((r) => r.code)];
  for (const regionCode of chain) {
    const best = rules.filter((r) => r.regionCode === regionCode && applies(r, input)).sort((a, b) => b.priority - a.priority)[0];
    if (best) {
      return { leadOrgCode: best.leadOrgCode, coOrgCodes: best.coOrgCodes, ruleId: best.id, ruleVersion: best.version, matchedRegionCode: regionCode, fellBack: regionCode !== input.regionCode };
    }
  }
  return null;
}

/**
 * The default rules from the classification list: each category at county level to the county
 * department of its type; town-level categories to each town's government with the county
 * department co-handling; collective wage arrears with 住建 as co-unit.
 */
export function buildDefaultRoutingRules(list: CategorySeed[], regions: RegionSeed[], orgs: OrganisationSeed[], version = 1): RoutingRule[] {
  const county = regions.find((r) => r.level === 'county');
  if (!county) throw new Error('the directory has no county');
  const deptOf = (type: string): OrganisationSeed => {
    const org = orgs.find((o) => o.departmentType === type && o.regionCode === county.code);
    if (!org) throw new Error(`no county department of type ${type}`);
    return org;
  };
  const rules: RoutingRule[] = [];
  for (const cat of list) {
    const lead = deptOf(cat.leadDepartmentType);
    const co = cat.coDepartmentTypes.map((t) => deptOf(t).code);
    rules.push({ id: `${cat.code}@${county.code}`, version, categoryCode: cat.code, regionCode: county.code, leadOrgCode: lead.code, coOrgCodes: co, priority: 0 });
    if (cat.code === 'wage_arrears') {
      rules.push({ id: `${cat.code}@${county.code}:collective`, version, categoryCode: cat.code, regionCode: county.code, collectiveOnly: true, leadOrgCode: lead.code, coOrgCodes: [...co, deptOf('housing').code], priority: 10 });
    }
    if (cat.handledAtTownLevel) {
      for (const town of regions.filter((r) => r.level === 'town')) {
        const government = orgs.find((o) => o.kind === 'town_government' && o.regionCode === town.code);
        if (!government) throw new Error(`town ${town.code} has no government`);
        rules.push({ id: `${cat.code}@${town.code}`, version, categoryCode: cat.code, regionCode: town.code, leadOrgCode: government.code, coOrgCodes: [lead.code], priority: 0 });
      }
    }
  }
  return rules;
}
