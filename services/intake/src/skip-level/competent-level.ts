import { RECEIVING_LEVELS, type ReceivingLevel } from '@yikouban/contracts';

export interface CompetentLevel {
  level: ReceivingLevel;
  /** The region of the organ at that level: the town of a village matter. */
  regionCode: string;
}

/** Lower levels first: village < town < county < city < province. */
export function levelRank(level: ReceivingLevel): number {
  return RECEIVING_LEVELS.indexOf(level);
}

/**
 * The lowest level with a petition organ that may handle a matter of this region (属地管理).
 * Region codes follow the administrative style the directory uses: province `330000`, city
 * `330600`, county `330621`, town +3 digits, village or community +3, grid +3. Towns are the
 * lowest level with organs, so village and grid matters belong to their town. A code in another
 * style (not digits) has no known level: null, and nothing is flagged.
 */
export function competentLevelOf(regionCode: string): CompetentLevel | null {
  if (!/^\d+$/.test(regionCode)) return null;
  switch (regionCode.length) {
    case 15:
    case 12:
    case 9:
      return { level: 'town', regionCode: regionCode.slice(0, 9) };
    case 6:
      if (regionCode.endsWith('0000')) return { level: 'province', regionCode };
      if (regionCode.endsWith('00')) return { level: 'city', regionCode };
      return { level: 'county', regionCode };
    case 4:
      return { level: 'city', regionCode };
    case 2:
      return { level: 'province', regionCode };
    default:
      return null;
  }
}
