import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { IndicatorCounts, IndicatorQuery, IndicatorRow } from '@yikouban/contracts';
import { DomainError } from '@yikouban/service-kit';
import { emptyCounts, periodProblem, ratesOf, regionGroupLength } from './indicator-math';

/** counters column → field of IndicatorCounts. */
const COLUMNS: [keyof IndicatorCounts, string][] = [
  ['received', 'received'],
  ['repeats', 'repeats'],
  ['assigned', 'assigned'],
  ['responded', 'responded'],
  ['replied', 'replied'],
  ['repliedOnTime', 'replied_on_time'],
  ['repliedLate', 'replied_late'],
  ['evaluated', 'evaluated'],
  ['satisfied', 'satisfied'],
  ['basicallySatisfied', 'basically_satisfied'],
  ['notSatisfied', 'not_satisfied'],
  ['resolved', 'resolved'],
  ['closed', 'closed'],
  ['breached', 'breached'],
];

/** A LIKE pattern for a region subtree; '_' is a wildcard in LIKE and may appear in codes. */
export const regionPrefix = (code: string) => `${code.replace(/[\\%_]/g, '\\$&')}%`;

/**
 * Indicators from the maintained counters (indicator_tally, backlog_tally): a query sums at most
 * one row per day and dimension in the period, whatever the number of grievances behind them.
 */
@Injectable()
export class IndicatorReader {
  constructor(private readonly db: DataSource) {}

  async read(q: IndicatorQuery): Promise<IndicatorRow[]> {
    const problem = periodProblem(q.from, q.to);
    if (problem) throw new DomainError('BAD_REQUEST', problem.message, [{ field: problem.field, problems: [problem.message] }]);
    const group = q.groupBy ?? 'none';
    const key =
      group === 'region' ? `left(region_code, ${regionGroupLength(q.regionCode)})` : group === 'unit' ? 'org_code' : group === 'category' ? 'category_code' : 'NULL::text';
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.regionCode) add('region_code LIKE ?', regionPrefix(q.regionCode));
    if (q.orgCode) add('org_code = ?', q.orgCode);
    if (q.categoryCode) add('category_code = ?', q.categoryCode);
    const dims = where.length ? where.join(' AND ') : 'true';
    const sums = COLUMNS.map(([, col]) => `sum(${col})::int AS ${col}`).join(', ');
    const tallies = (await this.db.query(
      `SELECT ${key} AS key, ${sums} FROM indicator_tally WHERE day BETWEEN $${params.length + 1} AND $${params.length + 2} AND ${dims} GROUP BY 1`,
      [...params, q.from, q.to],
    )) as ({ key: string | null } & Record<string, number>)[];
    const backlog = (await this.db.query(`SELECT ${key} AS key, sum(open_count)::int AS open FROM backlog_tally WHERE ${dims} GROUP BY 1`, params)) as {
      key: string | null;
      open: number;
    }[];
    const rows = new Map<string | null, { counts: IndicatorCounts; backlog: number }>();
    const entry = (k: string | null) => {
      const norm = k === '' ? null : k;
      let e = rows.get(norm);
      if (!e) rows.set(norm, (e = { counts: emptyCounts(), backlog: 0 }));
      return e;
    };
    for (const t of tallies) {
      const e = entry(t.key);
      for (const [field, col] of COLUMNS) e.counts[field] += t[col] ?? 0;
    }
    for (const b of backlog) entry(b.key).backlog += b.open ?? 0;
    if (group === 'none' && rows.size === 0) entry(null);
    return [...rows.entries()]
      .filter(([k, e]) => group === 'none' || k !== null || e.backlog !== 0 || Object.values(e.counts).some((n) => n !== 0))
      .sort(([a], [b]) => (a ?? '').localeCompare(b ?? ''))
      .map(([k, e]) => ({ key: k, counts: e.counts, rates: ratesOf(e.counts), backlog: Math.max(0, e.backlog) }));
  }
}
