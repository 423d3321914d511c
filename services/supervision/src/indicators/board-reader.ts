import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { BoardItem, CaseDeadline, OverdueBoardPage, OverdueBoardQuery } from '@yikouban/contracts';
import { escalatedTo } from '../clock/alarm-schedule';
import { Clock } from '../clock/clock.entity';
import { keysetPage, type KeysetKey } from '../common/keyset-page';
import { SqlFilter } from '../common/sql-filter';
import { regionPrefix } from './indicator-reader';

interface BoardRow {
  id: string;
  grievance_id: string;
  step: string;
  policy_code: string;
  state: BoardItem['state'];
  started_at: Date;
  due_at: Date;
  warnings_sent: number;
  escalation_level: number;
  tracking_code: string | null;
  region_code: string | null;
  org_code: string | null;
  category_code: string | null;
  overdue: boolean;
}

/** Soonest due first. */
const SOONEST_DUE: KeysetKey<BoardRow> = { at: 'c.due_at', id: 'c.id', order: 'asc', of: (r) => ({ at: r.due_at, id: r.id }) };

/** The share of a clock's time used at `now` (1 = the deadline), to three places. */
export function shareUsed(startedAt: Date, dueAt: Date, now: Date): number {
  const span = dueAt.getTime() - startedAt.getTime();
  if (span <= 0) return 1;
  return Math.round(((now.getTime() - startedAt.getTime()) / span) * 1000) / 1000;
}

/**
 * 超期 / 临期 board. Reads only the clocks that need attention (a partial index holds them:
 * breached, or still counting and past a warning share, with where each case counts).
 */
@Injectable()
export class BoardReader {
  constructor(private readonly db: DataSource) {}

  async overdue(q: OverdueBoardQuery, now = new Date()): Promise<OverdueBoardPage> {
    const filter = new SqlFilter();
    const overdue = `(c.state = 'breached' OR c.due_at <= ${filter.param(now)}::timestamptz)`;
    filter.add(`(c.state = 'breached' OR (c.state IN ('running','paused') AND c.warnings_sent > 0))`);
    // Where the case counts, as each clock carries it (kept equal to supervised_case's by the
    // database): the totals then read the board's index alone, never the cases.
    if (q.regionCode) filter.add('c.case_region_code LIKE ?', regionPrefix(q.regionCode));
    if (q.orgCode) filter.add('c.case_org_code = ?', q.orgCode);
    const kind = q.kind ?? 'all';
    if (kind === 'overdue') filter.add(overdue);
    if (kind === 'near_overdue') filter.add(`NOT ${overdue}`);
    // The totals count the whole filtered board, before the page's cursor narrows it.
    const [totals] = (await this.db.query(`SELECT count(*) FILTER (WHERE ${overdue})::int AS overdue, count(*) FILTER (WHERE NOT ${overdue})::int AS near FROM clock c ${filter.where}`, [...filter.params])) as {
      overdue: number;
      near: number;
    }[];
    // The page's clocks are chosen from the board's index alone, then read: a sparse filter (a
    // small town, the last page) skips thousands of entries without visiting their rows.
    const page = await keysetPage(filter, q, SOONEST_DUE, async (tail) =>
      (await this.db.query(
        `SELECT c.id, c.grievance_id, c.step, c.policy_code, c.state, c.started_at, c.due_at, c.warnings_sent, c.escalation_level,
                s.tracking_code, s.region_code, s.org_code, s.category_code, ${overdue} AS overdue
           FROM (SELECT c.id FROM clock c ${tail}) p JOIN clock c ON c.id = p.id
           LEFT JOIN supervised_case s ON s.grievance_id = c.grievance_id
          ORDER BY c.due_at, c.id`,
        filter.params,
      )) as BoardRow[],
    );
    const items = page.rows.map((r): BoardItem => ({
      clockId: r.id,
      grievanceId: r.grievance_id,
      trackingCode: r.tracking_code,
      step: r.step,
      policyCode: r.policy_code,
      state: r.state,
      kind: r.overdue ? 'overdue' : 'near_overdue',
      startedAt: r.started_at.toISOString(),
      dueAt: r.due_at.toISOString(),
      shareUsed: shareUsed(r.started_at, r.due_at, now),
      warningsSent: r.warnings_sent,
      escalationLevel: r.escalation_level,
      escalatedTo: escalatedTo(r.step, r.escalation_level),
      regionCode: r.region_code || null,
      orgCode: r.org_code || null,
      categoryCode: r.category_code || null,
    }));
    return { items, nextCursor: page.nextCursor, overdue: totals.overdue, nearOverdue: totals.near };
  }

  /** Every clock of one grievance with its warnings, escalation and change history. */
  async caseDeadlines(grievanceId: string): Promise<CaseDeadline[]> {
    const clocks = await this.db.getRepository(Clock).find({ where: { grievanceId }, order: { startedAt: 'ASC' } });
    return clocks.map((c) => ({
      clockId: c.id,
      step: c.step,
      policyCode: c.policyCode,
      state: c.state,
      startedAt: c.startedAt.toISOString(),
      dueAt: c.dueAt.toISOString(),
      stoppedAt: c.stoppedAt?.toISOString() ?? null,
      warnShares: c.warnShares,
      warningsSent: c.warningsSent,
      escalationLevel: c.escalationLevel,
      escalatedTo: escalatedTo(c.step, c.escalationLevel),
      nextAlarmAt: c.nextAlarmAt?.toISOString() ?? null,
      history: c.history,
    }));
  }
}
