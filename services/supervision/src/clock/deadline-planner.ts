import { activeRules, jurisdictionChain } from '../administration/active-rules';
import { resolveDeadline, trySelectPolicy, type DeadlinePolicy, type PolicyCriteria } from '../deadline-policy';
import type { Complexity } from '@yikouban/contracts';

export interface GrievanceProfile {
  regionCode: string | null;
  firstTime: boolean | null;
  complexity: Complexity | null;
  statutoryPath: string | null;
}

export interface PlannedClock {
  step: string;
  policyCode: string;
  dueAt: Date;
  warnShares: number[];
}

export { jurisdictionChain };

/**
 * The policy a clock runs on, as it stood when the clock started (pass its start); undefined for
 * clocks whose limits came from elsewhere (mediation).
 */
export function policyOf(code: string, startedAt?: Date): DeadlinePolicy | undefined {
  return activeRules.policyOf(code, startedAt);
}

/** 登记并转送、交办 within 15 days of receipt (第二十二条). */
const REGISTRATION_DAYS = 15;

/**
 * When the lead unit's clocks start: at the assignment, but never later than the receipt plus the
 * 15 days registration and transfer may take — a letter registered late (or a paper record
 * backfilled) does not give the unit its handling time again.
 */
export function handlingStart(assignedAt: Date, receivedAt: Date | null, regionCode: string | null = null): Date {
  if (!receivedAt) return assignedAt;
  const latest = activeRules.calendarFor(regionCode).addNaturalDaysStatutory(receivedAt, REGISTRATION_DAYS);
  return latest.getTime() < assignedAt.getTime() ? latest : assignedAt;
}

/**
 * The clocks a lead assignment starts: handling, on the strictest binding policy (a county may
 * only tighten the statutory 60 days), and for first-time grievances the local feedback window.
 * Counted on the jurisdiction's calendar (its override days) with the policies in force at the
 * start, so a policy saved later never moves a clock already running.
 */
export function planAssignmentClocks(profile: GrievanceProfile, startedAt: Date): PlannedClock[] {
  const policies = activeRules.policiesAt(startedAt);
  const cal = activeRules.calendarFor(profile.regionCode);
  const base = criteriaOf(profile);
  const handling = resolveDeadline(policies, { ...base, appliesTo: 'handling' }, startedAt, cal);
  const clocks: PlannedClock[] = [{ step: 'handling', policyCode: handling.governing.code, dueAt: handling.dueAt, warnShares: shares(handling.governing) }];
  if (profile.firstTime) {
    const feedback = trySelectPolicy(policies, { ...base, appliesTo: 'feedback', firstTime: true });
    if (feedback) {
      const r = resolveDeadline(policies, { ...base, appliesTo: 'feedback', firstTime: true }, startedAt, cal);
      clocks.push({ step: 'feedback', policyCode: r.governing.code, dueAt: r.dueAt, warnShares: shares(r.governing) });
    }
  }
  return clocks;
}

/** The step a receipt starts: 登记并转送、交办 (第二十二条). */
export const REGISTRATION_STEP = 'registration';

/**
 * The registration clock a receipt starts: from the receipt, on the strictest binding policy for
 * the step (a county may only tighten the statutory 15 days), counted on the jurisdiction's
 * calendar with the policies in force at the receipt. Null when no policy covers the step.
 */
export function planRegistrationClock(profile: GrievanceProfile, receivedAt: Date): PlannedClock | null {
  const policies = activeRules.policiesAt(receivedAt);
  const criteria = { ...criteriaOf(profile), appliesTo: REGISTRATION_STEP } as const;
  if (!trySelectPolicy(policies, criteria)) return null;
  const r = resolveDeadline(policies, criteria, receivedAt, activeRules.calendarFor(profile.regionCode));
  return { step: REGISTRATION_STEP, policyCode: r.governing.code, dueAt: r.dueAt, warnShares: shares(r.governing) };
}

/** What a policy's conditions may ask of the matter, as far as the profile knows it. */
function criteriaOf(profile: GrievanceProfile): Omit<PolicyCriteria, 'appliesTo'> {
  return {
    jurisdiction: jurisdictionChain(profile.regionCode),
    ...(profile.complexity ? { complexity: profile.complexity } : {}),
    ...(profile.statutoryPath === 'consultation' ? { kind: 'consultation' } : {}),
    ...(profile.firstTime !== null ? { firstTime: profile.firstTime } : {}),
  };
}

function shares(p: DeadlinePolicy): number[] {
  return p.warnAt.filter((s) => s > 0 && s < 1);
}
