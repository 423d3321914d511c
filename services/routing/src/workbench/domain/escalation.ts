import type { EscalationBasis } from '@yikouban/contracts';

/** What escalation needs of an organisation (the directory's OrganisationSeed fits). */
export interface OrgRef {
  code: string;
  name: string;
  kind: string;
  regionCode: string;
}

/** What escalation needs of the region tree: the region itself, then its ancestors nearest first. */
export interface RegionChain {
  chainOf(code: string): readonly { code: string; level: string }[];
}

export interface EscalationTarget {
  orgCode: string;
  orgName: string;
  basis: EscalationBasis;
}

/**
 * Where a dispute between units goes (信访工作条例 第二十四条). Village committees of one town have
 * that town's government as their common superior. County departments and towns share the county
 * government, which is not in the directory: its joint conference office (联席会议) decides. The
 * nearest joint conference up the tree from the units' common region, else the petition bureau
 * that hosts it. Returns undefined when the directory has neither.
 */
export function escalationTarget(disputants: readonly OrgRef[], tree: RegionChain, organisations: Iterable<OrgRef>): EscalationTarget | undefined {
  if (disputants.length === 0) return undefined;
  const chains = disputants.map((o) => tree.chainOf(o.regionCode).map((r) => r.code));
  const commonChain = chains[0].filter((code) => chains.every((c) => c.includes(code)));
  const orgs = [...organisations];
  const common = commonChain[0];
  if (common !== undefined && disputants.every((d) => d.kind === 'village_committee')) {
    const town = orgs.find((o) => o.kind === 'town_government' && o.regionCode === common);
    if (town) return { orgCode: town.code, orgName: town.name, basis: 'common_superior' };
  }
  for (const kind of ['joint_conference', 'petition_bureau']) {
    for (const code of commonChain) {
      const found = orgs.find((o) => o.kind === kind && o.regionCode === code);
      if (found) return { orgCode: found.code, orgName: found.name, basis: 'joint_conference' };
    }
  }
  return undefined;
}

/** What dispute detection needs of an assignment. */
export interface ReturnRecord {
  id: string;
  orgCode: string;
  status: string;
  returnedAt: Date | null;
  disputeId: string | null;
  replacesAssignmentId: string | null;
}

/**
 * The returns a new return disagrees with: the earlier returns it follows from (the unit before
 * it returned the case, the command centre gave it to this one, which returned it too), and any
 * other assignment of the grievance returned and still waiting for reassignment. A return that
 * was settled — its successor accepted the case — or already disputed does not count. Two or
 * more units among them make a dispute (第二十四条).
 */
export function disagreeingReturns<R extends ReturnRecord>(all: readonly R[], returnedId: string): R[] {
  const byId = new Map(all.map((a) => [a.id, a]));
  const involved: R[] = [];
  for (let r = byId.get(returnedId); r && r.returnedAt !== null && r.disputeId === null && !involved.includes(r); r = r.replacesAssignmentId ? byId.get(r.replacesAssignmentId) : undefined) {
    involved.push(r);
  }
  for (const r of all) if (r.status === 'awaiting_reassignment' && r.disputeId === null && !involved.includes(r)) involved.push(r);
  return involved;
}
