/** category × region × scale → lead unit (主办) and co-handling units (协办). Versioned data. */
export interface RoutingRule {
  id: string;
  version: number;
  categoryCode: string;
  regionCode: string;
  minHeadcount?: number;
  minAmountYuan?: number;
  collectiveOnly?: boolean;
  leadOrgCode: string;
  coOrgCodes: string[];
  priority: number;
}

export interface RoutingInput {
  categoryCode: string;
  regionCode: string;
  headcount: number;
  amountYuan?: number;
}

export interface RoutingDecision {
  leadOrgCode: string;
  coOrgCodes: string[];
  ruleId: string;
  ruleVersion: number;
  matchedRegionCode: string;
  /** True when the rule was found above the grievance's own region (属地兜底). */
  fellBack: boolean;
}
