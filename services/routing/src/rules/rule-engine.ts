import type { CategorySeed } from '../classification/classification.types';
import { assertValidClassificationList } from '../classification/validate-classification-list';
import { DEPARTMENT_TYPE_LABELS, type DepartmentType, type OrganisationSeed, type RegionSeed } from '../directory/directory.types';
import { RegionTree } from '../directory/region-tree';
import { RoutingError } from './routing.errors';
import type { RoutingDecision, RoutingInput, RoutingRule } from './routing-rule.types';

/** A group of five or more is a collective matter (群体访; 信访工作条例 第二十条 caps its representatives at five). */
export const COLLECTIVE_HEADCOUNT = 5;

/** Priority of the scale rules the default builder adds, above the plain category rule (0). */
export const COLLECTIVE_RULE_PRIORITY = 10;

/**
 * Who joins a collective matter of a category as extra co-handler: collective wage arrears
 * nearly always sit on a construction project, so 住建 comes in with 人社.
 */
export const COLLECTIVE_CO_UNITS: Readonly<Record<string, readonly DepartmentType[]>> = {
  wage_arrears: ['housing'],
};

function conditionCount(r: RoutingRule): number {
  return (r.minHeadcount !== undefined ? 1 : 0) + (r.minAmountYuan !== undefined ? 1 : 0) + (r.collectiveOnly ? 1 : 0);
}

/** Best first: priority, then the more specific rule, then id, so equal rules still decide the same way every time. */
function compareRules(a: RoutingRule, b: RoutingRule): number {
  return b.priority - a.priority || conditionCount(b) - conditionCount(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

type RuleIndex = Map<string, RoutingRule[]>;
const key = (regionCode: string, categoryCode: string): string => `${regionCode}\u0000${categoryCode}`;

/**
 * Rule sets are loaded as a whole and never changed in place (a new version is a new array),
 * so the index of an array can be kept as long as the array lives.
 */
const indexes = new WeakMap<readonly RoutingRule[], RuleIndex>();

function indexOf(rules: readonly RoutingRule[]): RuleIndex {
  let index = indexes.get(rules);
  if (!index) {
    index = new Map();
    for (const r of rules) {
      const k = key(r.regionCode, r.categoryCode);
      const list = index.get(k);
      if (list) list.push(r);
      else index.set(k, [r]);
    }
    for (const list of index.values()) list.sort(compareRules);
    indexes.set(rules, index);
  }
  return index;
}

function isCollective(input: RoutingInput): boolean {
  return input.collective === true || input.headcount >= COLLECTIVE_HEADCOUNT;
}

function scaleMet(rule: RoutingRule, input: RoutingInput): boolean {
  if (rule.minHeadcount !== undefined && input.headcount < rule.minHeadcount) return false;
  if (rule.collectiveOnly && !isCollective(input)) return false;
  // An unknown amount never meets an amount threshold.
  if (rule.minAmountYuan !== undefined && (input.amountYuan === undefined || input.amountYuan < rule.minAmountYuan)) return false;
  return true;
}

function checkInput(input: RoutingInput): void {
  if (!Number.isInteger(input.headcount) || input.headcount < 1) throw new RoutingError('invalid_input', `headcount must be a whole number ≥ 1, got ${input.headcount}`);
  if (input.amountYuan !== undefined && !(Number.isFinite(input.amountYuan) && input.amountYuan >= 0)) {
    throw new RoutingError('invalid_input', `amountYuan must be a finite number ≥ 0, got ${input.amountYuan}`);
  }
}

/**
 * 属地管理 + 分管职责: the rules at the grievance's own region first, then at each ancestor in
 * turn (兜底 up the tree); at the first region where any rule of the category applies (its scale
 * conditions met), the best of them decides. Returns null when no rule applies anywhere: the
 * caller then gives the matter to the nearest petition bureau (信访兜底) — there is deliberately
 * no catch-all rule, so that "no rule" stays visible in the record. Throws a RegionTreeError for
 * a region the tree does not know and a RoutingError for a malformed input.
 */
export function resolveRouting(input: RoutingInput, rules: readonly RoutingRule[], tree: RegionTree): RoutingDecision | null {
  checkInput(input);
  const index = indexOf(rules);
  for (const region of tree.chainOf(input.regionCode)) {
    const best = index.get(key(region.code, input.categoryCode))?.find((r) => scaleMet(r, input));
    if (best) {
      return {
        leadOrgCode: best.leadOrgCode,
        coOrgCodes: [...new Set(best.coOrgCodes)].filter((c) => c !== best.leadOrgCode),
        ruleId: best.id,
        ruleVersion: best.version,
        matchedRegionCode: region.code,
        fellBack: region.code !== input.regionCode,
      };
    }
  }
  return null;
}

/**
 * The default rules from a classification list, for every county in `regions`: each category at
 * county level to the county department of its lead type (co: its co types' departments); for
 * categories handled at town level, one rule per town to that town's government with the county
 * lead department as co-handler; for categories in COLLECTIVE_CO_UNITS, a collective rule at
 * county level that adds those co-handlers. Throws a RoutingError naming the county and category
 * when a department or town government is missing, and a ClassificationListError for an unsound list.
 */
export function buildDefaultRoutingRules(list: readonly CategorySeed[], regions: readonly RegionSeed[], orgs: readonly OrganisationSeed[], version = 1): RoutingRule[] {
  if (!Number.isInteger(version) || version < 1) throw new RoutingError('invalid_version', `rule version must be a whole number ≥ 1, got ${version}`);
  assertValidClassificationList(list);
  const tree = new RegionTree(regions);
  const counties = regions.filter((r) => r.level === 'county');
  if (counties.length === 0) throw new RoutingError('no_county', 'the directory has no county: default rules are built per county');
  return counties.flatMap((county) => rulesForCounty(county, tree, list, orgs, version));
}

const unique = (codes: string[], lead: string): string[] => [...new Set(codes)].filter((c) => c !== lead);

function rulesForCounty(county: RegionSeed, tree: RegionTree, list: readonly CategorySeed[], orgs: readonly OrganisationSeed[], version: number): RoutingRule[] {
  const deptOf = (type: DepartmentType, cat: CategorySeed): string => {
    const org = orgs.find((o) => o.departmentType === type && o.regionCode === county.code);
    if (!org) {
      throw new RoutingError('missing_department', `county ${county.code} (${county.name}) has no department of type ${type} (${DEPARTMENT_TYPE_LABELS[type]}), which category ${cat.code} (${cat.name}) needs`);
    }
    return org.code;
  };
  const towns = tree.all().filter((r) => r.level === 'town' && tree.isWithin(r.code, county.code));
  const governmentOf = (town: RegionSeed): string => {
    const gov = orgs.find((o) => o.kind === 'town_government' && o.regionCode === town.code);
    if (!gov) throw new RoutingError('missing_town_government', `town ${town.code} (${town.name}) has no town government`);
    return gov.code;
  };
  const rules: RoutingRule[] = [];
  for (const cat of list) {
    const lead = deptOf(cat.leadDepartmentType, cat);
    const co = cat.coDepartmentTypes.map((t) => deptOf(t, cat));
    const base = { version, categoryCode: cat.code } as const;
    rules.push({ ...base, id: `${cat.code}@${county.code}`, regionCode: county.code, leadOrgCode: lead, coOrgCodes: co, priority: 0 });
    const extra = (COLLECTIVE_CO_UNITS[cat.code] ?? []).map((t) => deptOf(t, cat));
    const collective = { collectiveOnly: true, priority: COLLECTIVE_RULE_PRIORITY } as const;
    if (extra.length > 0) {
      rules.push({ ...base, ...collective, id: `${cat.code}@${county.code}:collective`, regionCode: county.code, leadOrgCode: lead, coOrgCodes: unique([...co, ...extra], lead) });
    }
    if (cat.handledAtTownLevel) {
      for (const town of towns) {
        const gov = governmentOf(town);
        rules.push({ ...base, id: `${cat.code}@${town.code}`, regionCode: town.code, leadOrgCode: gov, coOrgCodes: [lead], priority: 0 });
        // The town rule is nearer than the county's, so a collective rule must sit at the town too.
        if (extra.length > 0) rules.push({ ...base, ...collective, id: `${cat.code}@${town.code}:collective`, regionCode: town.code, leadOrgCode: gov, coOrgCodes: unique([lead, ...extra], gov) });
      }
    }
  }
  return rules;
}
