import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AcknowledgeEarlyWarning, EarlyWarningPage, EarlyWarningQuery, EarlyWarningView } from '@yikouban/contracts';
import { DomainError } from '@yikouban/service-kit';
import { keysetPage, type KeysetKey } from '../common/keyset-page';
import { SqlFilter } from '../common/sql-filter';
import { regionPrefix } from '../indicators/indicator-reader';

interface AlertRow {
  id: string;
  region_code: string;
  category_code: string;
  window_code: EarlyWarningView['window'];
  window_start: string;
  window_end: string;
  count: number;
  baseline_mean: string;
  baseline_stddev: string;
  threshold: string;
  raised_at: Date;
  state: EarlyWarningView['state'];
  acknowledged_by: string | null;
  acknowledged_at: Date | null;
  note: string | null;
}

const COLUMNS = `id, region_code, category_code, window_code, to_char(window_start, 'YYYY-MM-DD') AS window_start, to_char(window_end, 'YYYY-MM-DD') AS window_end,
  count, baseline_mean, baseline_stddev, threshold, raised_at, state, acknowledged_by, acknowledged_at, note`;

const toView = (r: AlertRow): EarlyWarningView => ({
  alertId: r.id,
  regionCode: r.region_code,
  categoryCode: r.category_code,
  window: r.window_code,
  windowStart: r.window_start,
  windowEnd: r.window_end,
  count: r.count,
  baselineMean: Number(r.baseline_mean),
  baselineStddev: Number(r.baseline_stddev),
  threshold: Number(r.threshold),
  raisedAt: r.raised_at.toISOString(),
  state: r.state,
  acknowledgedBy: r.acknowledged_by,
  acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
  note: r.note,
});

const NEWEST_RAISED: KeysetKey<AlertRow> = { at: 'raised_at', id: 'id', of: (r) => ({ at: r.raised_at, id: r.id }) };

/** Raised alerts for the command centre: newest first, and their acknowledgement. */
@Injectable()
export class EarlyWarningStore {
  constructor(private readonly db: DataSource) {}

  async list(q: EarlyWarningQuery): Promise<EarlyWarningPage> {
    const filter = new SqlFilter();
    if (q.regionCode) filter.add('region_code LIKE ?', regionPrefix(q.regionCode));
    if (q.categoryCode) filter.add('category_code = ?', q.categoryCode);
    if (q.state) filter.add('state = ?', q.state);
    const page = await keysetPage(filter, q, NEWEST_RAISED, async (tail) => (await this.db.query(`SELECT ${COLUMNS} FROM early_warning ${tail}`, filter.params)) as AlertRow[]);
    return { items: page.rows.map(toView), nextCursor: page.nextCursor };
  }

  /** Marks the alert seen; acknowledging it again returns it as it was first acknowledged. */
  async acknowledge(a: AcknowledgeEarlyWarning): Promise<EarlyWarningView> {
    const [updated] = (await this.db.query(
      `UPDATE early_warning SET state = 'acknowledged', acknowledged_by = $2, acknowledged_at = now(), note = $3 WHERE id = $1 AND state = 'open' RETURNING ${COLUMNS}`,
      [a.alertId, a.userId, a.note ?? null],
    )) as [AlertRow[], number];
    const row = updated[0] ?? ((await this.db.query(`SELECT ${COLUMNS} FROM early_warning WHERE id = $1`, [a.alertId])) as AlertRow[])[0];
    if (!row) throw new DomainError('NOT_FOUND', '预警不存在 / no such early warning', [{ field: 'alertId', problems: ['not found'] }]);
    return toView(row);
  }
}
