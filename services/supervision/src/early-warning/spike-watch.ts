import type { EntityManager } from 'typeorm';
import { EarlyWarningRaised } from '@yikouban/contracts';
import type { CountedReceipt } from '../indicators/case-facts';
import { appendToOutbox } from '@yikouban/messaging';
import { beijingDay } from '../indicators/indicator-math';
import { daysNeeded, detectSpikes, type Spike } from './spike-detection';
import { SPIKE_POLICY, type SpikePolicy } from './spike-policy';

/**
 * 苗头预警 on every receipt counted: after the indicator counters took it in (same transaction) —
 * at intake, or again when triage named or changed its category — the town × category's daily
 * counts of the window and its baseline are read from indicator_tally (one row per day and
 * dimension, never the grievances) and any spike is raised. A receipt with no category yet is not watched.
 */
export async function watchForSpike(tx: EntityManager, g: CountedReceipt, policy: SpikePolicy = SPIKE_POLICY): Promise<void> {
  if (!g.categoryCode) return;
  const region = g.regionCode.slice(0, policy.regionLength);
  const endDay = beijingDay(new Date(g.receivedAt));
  const { from, to } = daysNeeded(endDay, policy);
  const rows = (await tx.query(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(received)::int AS n FROM indicator_tally
      WHERE region_code LIKE $1 AND left(region_code, $2) = $3 AND category_code = $4 AND day BETWEEN $5 AND $6 GROUP BY day`,
    [`${region.replace(/[\\%_]/g, '\\$&')}%`, policy.regionLength, region, g.categoryCode, from, to],
  )) as { day: string; n: number }[];
  const spikes = detectSpikes(new Map(rows.map((r) => [r.day, r.n])), endDay, policy);
  for (const s of spikes) await raiseOnce(tx, region, g.categoryCode, s);
}

/**
 * Raises the alert unless one for the same region × category already covers part of the window
 * (the same wave is not reported twice, whichever window saw it first). An advisory lock on the
 * pair makes the check-then-insert safe across replicas; the unique key is the last guard.
 */
async function raiseOnce(tx: EntityManager, regionCode: string, categoryCode: string, s: Spike): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`early_warning|${regionCode}|${categoryCode}`]);
  const overlapping = (await tx.query(
    'SELECT 1 FROM early_warning WHERE region_code = $1 AND category_code = $2 AND window_start <= $4 AND window_end >= $3 LIMIT 1',
    [regionCode, categoryCode, s.windowStart, s.windowEnd],
  )) as unknown[];
  if (overlapping.length > 0) return;
  const [row] = (await tx.query(
    `INSERT INTO early_warning (region_code, category_code, window_code, window_start, window_end, count, baseline_mean, baseline_stddev, threshold)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING id, raised_at`,
    [regionCode, categoryCode, s.window, s.windowStart, s.windowEnd, s.count, s.baselineMean, s.baselineStddev, s.threshold],
  )) as { id: string; raised_at: Date }[];
  if (!row) return;
  await appendToOutbox(tx, EarlyWarningRaised, { alertId: row.id, regionCode, categoryCode, ...s, raisedAt: row.raised_at.toISOString() });
}
