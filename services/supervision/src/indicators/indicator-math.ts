import type { IndicatorCounts, IndicatorRates } from '@yikouban/contracts';

const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The Beijing civil date (YYYY-MM-DD) an instant falls on: indicators count by the county's days. */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The longest period one indicator query may cover: a year, leap or not. */
export const MAX_PERIOD_DAYS = 366;

/** Why a period cannot be answered (field and message), or null when it can. */
export function periodProblem(from: string, to: string): { field: 'from' | 'to'; message: string } | null {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(a) || new Date(a).toISOString().slice(0, 10) !== from) return { field: 'from', message: `from 不是有效日期 / from is not a calendar date: ${from}` };
  if (Number.isNaN(b) || new Date(b).toISOString().slice(0, 10) !== to) return { field: 'to', message: `to 不是有效日期 / to is not a calendar date: ${to}` };
  if (b < a) return { field: 'to', message: '结束日期早于开始日期 / to is before from' };
  if ((b - a) / DAY_MS + 1 > MAX_PERIOD_DAYS) return { field: 'to', message: `统计区间最长${MAX_PERIOD_DAYS}天 / a period covers at most ${MAX_PERIOD_DAYS} days` };
  return null;
}

/** Region codes nest by prefix: province 2, city 4, county 6, town 9, village 12, grid 15. */
const REGION_LEVELS = [2, 4, 6, 9, 12, 15];

/** How many leading characters name a group one level below the filter's region (county when none). */
export function regionGroupLength(filterRegion: string | undefined): number {
  if (!filterRegion) return 6;
  return REGION_LEVELS.find((n) => n > filterRegion.length) ?? filterRegion.length;
}

export function emptyCounts(): IndicatorCounts {
  return {
    received: 0,
    repeats: 0,
    assigned: 0,
    responded: 0,
    replied: 0,
    repliedOnTime: 0,
    repliedLate: 0,
    evaluated: 0,
    satisfied: 0,
    basicallySatisfied: 0,
    notSatisfied: 0,
    resolved: 0,
    closed: 0,
    breached: 0,
  };
}

/** A share rounded to four places (0.9736 = 97.36 %); null when there is nothing to divide by. */
export function share(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((Math.min(part, whole) / whole) * 10_000) / 10_000;
}

/**
 * 响应率 / 解决率 / 满意率 / 按期办结率 / 重复信访率 from the counters (definitions in the
 * contract): satisfaction counts 满意 and 基本满意 alike, as the county's assessment does.
 */
export function ratesOf(c: IndicatorCounts): IndicatorRates {
  return {
    responseRate: share(c.responded, c.assigned),
    resolutionRate: share(c.resolved, c.evaluated),
    satisfactionRate: share(c.satisfied + c.basicallySatisfied, c.evaluated),
    onTimeRate: share(c.repliedOnTime, c.repliedOnTime + c.repliedLate),
    repeatRate: share(c.repeats, c.received),
  };
}
