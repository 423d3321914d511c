import type { GrievanceReceivedV1 } from '@yikouban/contracts';
import type { DirectorySnapshot } from '../directory/directory-cache';
import type { OrganisationSeed } from '../directory/directory.types';
import { resolveRouting } from '../rules/rule-engine';

export interface PlannedAssignment {
  role: 'lead' | 'co';
  organisation: OrganisationSeed;
  ruleId: string;
  ruleVersion: number;
}

/** Rule id recorded when no rule matched and the petition bureau took the case (信访兜底). */
export const FALLBACK_RULE_ID = 'fallback:petition_bureau';

/**
 * Decides who must handle a grievance: the matching rule at its region or up the tree
 * (属地管理), else the nearest petition bureau as the owner of last resort.
 */
export function planAssignments(g: GrievanceReceivedV1, dir: DirectorySnapshot): PlannedAssignment[] {
  const known = dir.tree.has(g.regionCode);
  const decision = known && g.categoryCode
    ? resolveRouting({ categoryCode: g.categoryCode, regionCode: g.regionCode, headcount: g.headcount, collective: g.collective }, dir.rules, dir.tree)
    : null;
  if (decision) {
    const lead = dir.organisations.get(decision.leadOrgCode);
    if (lead) {
      const co = decision.coOrgCodes.map((c) => dir.organisations.get(c)).filter((o): o is OrganisationSeed => !!o && o.code !== lead.code);
      return [
        { role: 'lead', organisation: lead, ruleId: decision.ruleId, ruleVersion: decision.ruleVersion },
        ...co.map((organisation) => ({ role: 'co' as const, organisation, ruleId: decision.ruleId, ruleVersion: decision.ruleVersion })),
      ];
    }
  }
  const bureau = nearestPetitionBureau(known ? g.regionCode : undefined, dir);
  const version = dir.rules[0]?.version ?? 1;
  return bureau ? [{ role: 'lead', organisation: bureau, ruleId: FALLBACK_RULE_ID, ruleVersion: version }] : [];
}

function nearestPetitionBureau(regionCode: string | undefined, dir: DirectorySnapshot): OrganisationSeed | undefined {
  const bureaus = [...dir.organisations.values()].filter((o) => o.kind === 'petition_bureau');
  if (regionCode) {
    const chain = [regionCode, ...dir.tree.ancestorsOf(regionCode).map((r) => r.code)];
    for (const code of chain) {
      const found = bureaus.find((b) => b.regionCode === code);
      if (found) return found;
    }
  }
  // Unknown region: the bureau highest in the tree owns it until an operator re-routes it.
  return bureaus.sort((a, b) => dir.tree.ancestorsOf(a.regionCode).length - dir.tree.ancestorsOf(b.regionCode).length)[0];
}
