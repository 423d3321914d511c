import { ChineseDaysSource, WorkingCalendar } from '../calendar';
import { LOCAL_POLICIES, resolveDeadline, STATUTORY_POLICIES, trySelectPolicy, type DeadlinePolicy } from '../deadline-policy';
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

const POLICIES: readonly DeadlinePolicy[] = [...STATUTORY_POLICIES, ...LOCAL_POLICIES];
const calendar = new WorkingCalendar(new ChineseDaysSource());

/** A region code's jurisdiction chain, nearest first: grid, village, town, county, city, province. */
export function jurisdictionChain(regionCode: string | null): string[] {
  if (!regionCode) return [];
  return [15, 12, 9, 6, 4, 2].filter((n) => regionCode.length >= n).map((n) => regionCode.slice(0, n));
}

/**
 * The clocks a lead assignment starts: handling, on the strictest binding policy (a county may
 * only tighten the statutory 60 days), and for first-time grievances the local feedback window.
 */
export function planAssignmentClocks(profile: GrievanceProfile, startedAt: Date): PlannedClock[] {
  const base = {
    jurisdiction: jurisdictionChain(profile.regionCode),
    ...(profile.complexity ? { complexity: profile.complexity } : {}),
    ...(profile.statutoryPath === 'consultation' ? { kind: 'consultation' } : {}),
    ...(profile.firstTime !== null ? { firstTime: profile.firstTime } : {}),
  };
  const handling = resolveDeadline(POLICIES, { ...base, appliesTo: 'handling' }, startedAt, calendar);
  const clocks: PlannedClock[] = [{ step: 'handling', policyCode: handling.governing.code, dueAt: handling.dueAt, warnShares: shares(handling.governing) }];
  if (profile.firstTime) {
    const feedback = trySelectPolicy(POLICIES, { ...base, appliesTo: 'feedback', firstTime: true });
    if (feedback) {
      const r = resolveDeadline(POLICIES, { ...base, appliesTo: 'feedback', firstTime: true }, startedAt, calendar);
      clocks.push({ step: 'feedback', policyCode: r.governing.code, dueAt: r.dueAt, warnShares: shares(r.governing) });
    }
  }
  return clocks;
}

function shares(p: DeadlinePolicy): number[] {
  return p.warnAt.filter((s) => s > 0 && s < 1);
}
