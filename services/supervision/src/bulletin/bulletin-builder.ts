import { Injectable } from '@nestjs/common';
import type { BulletinOverdueItem, IndicatorRow } from '@yikouban/contracts';
import { BoardReader } from '../indicators/board-reader';
import { IndicatorReader } from '../indicators/indicator-reader';
import type { BulletinPeriod } from './bulletin-period';

/** What a bulletin says, before it is stored. */
export interface BulletinContent {
  totals: IndicatorRow;
  regions: IndicatorRow[];
  units: IndicatorRow[];
  topCategories: IndicatorRow[];
  overdue: BulletinOverdueItem[];
  overdueTotal: number;
}

export const TOP_CATEGORIES = 10;
export const OVERDUE_LIST_MAX = 200;

/**
 * Composes a bulletin from the maintained projections (indicator counters, the overdue board):
 * it reads per-day rows of the period, never the grievances themselves.
 */
@Injectable()
export class BulletinBuilder {
  constructor(
    private readonly indicators: IndicatorReader,
    private readonly board: BoardReader,
  ) {}

  async build(p: BulletinPeriod): Promise<BulletinContent> {
    const period = { from: p.start, to: p.end };
    const [totals] = await this.indicators.read({ ...period, groupBy: 'none' });
    const units = await this.indicators.read({ ...period, groupBy: 'unit' });
    const categories = await this.indicators.read({ ...period, groupBy: 'category' });
    const board = await this.board.overdue({ kind: 'overdue', limit: OVERDUE_LIST_MAX });
    return {
      totals,
      regions: await this.regions(period),
      units,
      topCategories: categories
        .filter((r) => r.key !== null && r.counts.received > 0)
        .sort((a, b) => b.counts.received - a.counts.received || (a.key ?? '').localeCompare(b.key ?? ''))
        .slice(0, TOP_CATEGORIES),
      overdue: board.items.map((i) => ({
        trackingCode: i.trackingCode,
        step: i.step,
        dueAt: i.dueAt,
        escalationLevel: i.escalationLevel,
        escalatedTo: i.escalatedTo,
        regionCode: i.regionCode,
        orgCode: i.orgCode,
        categoryCode: i.categoryCode,
      })),
      overdueTotal: board.overdue,
    };
  }

  /**
   * Regions one level below what the data covers: a county's platform reports its towns (镇街),
   * a city's its counties. With all grievances in one county, that county is drilled into.
   */
  private async regions(period: { from: string; to: string }): Promise<IndicatorRow[]> {
    const top = await this.indicators.read({ ...period, groupBy: 'region' });
    const keyed = top.filter((r) => r.key !== null);
    if (keyed.length !== 1 || !keyed[0].key) return top;
    return this.indicators.read({ ...period, groupBy: 'region', regionCode: keyed[0].key });
  }
}
