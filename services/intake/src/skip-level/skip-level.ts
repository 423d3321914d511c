import type { ReceivingLevel } from '@yikouban/contracts';
import { competentLevelOf, levelRank } from './competent-level';

/** What to do with a skip-level matter: only flag it, or also send the petitioner to the competent level. */
export const SKIP_LEVEL_POLICIES = ['flag', 'redirect'] as const;
export type SkipLevelPolicy = (typeof SKIP_LEVEL_POLICIES)[number];

export interface SkipLevelVerdict {
  receivedAtLevel: ReceivingLevel;
  competentLevel: ReceivingLevel;
  competentRegionCode: string;
}

export interface SkipLevelInput {
  regionCode: string;
  /** Where it was received; unknown (null) decides nothing. */
  receivedAtLevel: ReceivingLevel | null;
  /**
   * Levels at which the same petitioner raised the same matter before (similar earlier matters).
   * null stands for a record whose level was not noted: it counts as a lower-level record, so the
   * petitioner is not flagged on a doubt.
   */
  earlierLevels: (ReceivingLevel | null)[];
}

/**
 * 越级 (skip-level): received at a level above the matter's competent level, with no earlier
 * record of the same matter from the same petitioner at a level below the receiving one
 * (逐级走访). Returns null when the grievance is not skip-level. Pure.
 */
export function judgeSkipLevel(input: SkipLevelInput): SkipLevelVerdict | null {
  if (!input.receivedAtLevel) return null;
  const competent = competentLevelOf(input.regionCode);
  if (!competent) return null;
  const received = levelRank(input.receivedAtLevel);
  if (received <= levelRank(competent.level)) return null;
  const wentLowerFirst = input.earlierLevels.some((l) => l === null || levelRank(l) < received);
  if (wentLowerFirst) return null;
  return { receivedAtLevel: input.receivedAtLevel, competentLevel: competent.level, competentRegionCode: competent.regionCode };
}
