/**
 * category × region × scale → lead unit (主办) and co-handling units (协办). Versioned data: a new
 * version is a new rule set, and every decision records the rule and version it came from.
 */
export interface RoutingRule {
  id: string;
  version: number;
  categoryCode: string;
  /** The rule applies to grievances in this region and, failing a nearer rule, everything below it. */
  regionCode: string;
  /** Scale conditions: a rule that sets them applies only when all are met. */
  minHeadcount?: number;
  minAmountYuan?: number;
  /** Only for collective matters (群体性事项): `collective` set, or headcount ≥ COLLECTIVE_HEADCOUNT. */
  collectiveOnly?: boolean;
  leadOrgCode: string;
  coOrgCodes: string[];
  /** Among the rules that apply at one region, the highest priority wins. */
  priority: number;
}

export interface RoutingInput {
  categoryCode: string;
  regionCode: string;
  /** How many people raise the matter (≥ 1). */
  headcount: number;
  /** The sum in dispute, when the matter is about money. */
  amountYuan?: number;
  /** Intake's 群体访 flag; without it, collectiveness is judged from headcount. */
  collective?: boolean;
}

export interface RoutingDecision {
  leadOrgCode: string;
  coOrgCodes: string[];
  ruleId: string;
  ruleVersion: number;
  /** The region whose rule decided: the grievance's own region or one of its ancestors. */
  matchedRegionCode: string;
  /** True when the rule was found above the grievance's own region (属地兜底). */
  fellBack: boolean;
}
