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
  await raiseNew(tx, region, g.categoryCode, spikes);
}

/**
 * Raises each alert unless one for the same region × category already covers part of its window
 * (the same wave is not reported twice, whichever window saw it first). An advisory lock on the
 * pair makes the check-then-insert safe across replicas; the unique key is the last guard. The
 * alerts that may cover any of the windows are read once, and those raised here join them.
 */
async function raiseNew(tx: EntityManager, regionCode: string, categoryCode: string, spikes: Spike[]): Promise<void> {
  if (spikes.length === 0) return;
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`early_warning|${regionCode}|${categoryCode}`]);
  const from = spikes.map((s) => s.windowStart).sort()[0];
  const to = spikes.map((s) => s.windowEnd).sort().reverse()[0];
  const raised = (await tx.query(
    `SELECT to_char(window_start, 'YYYY-MM-DD') AS first_day, to_char(window_end, 'YYYY-MM-DD') AS last_day FROM early_warning
      WHERE region_code = $1 AND category_code = $2 AND window_start <= $4 AND window_end >= $3`,
    [regionCode, categoryCode, from, to],
  )) as { first_day: string; last_day: string }[];
  for (const s of spikes) {
    // Days as YYYY-MM-DD compare as text.
    if (raised.some((r) => r.first_day <= s.windowEnd && r.last_day >= s.windowStart)) continue;
    const [row] = (await tx.query(
      `INSERT INTO early_warning (region_code, category_code, window_code, window_start, window_end, count, baseline_mean, baseline_stddev, threshold)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING id, raised_at`,
      [regionCode, categoryCode, s.window, s.windowStart, s.windowEnd, s.count, s.baselineMean, s.baselineStddev, s.threshold],
    )) as { id: string; raised_at: Date }[];
    if (!row) continue;
    raised.push({ first_day: s.windowStart, last_day: s.windowEnd });
    await appendToOutbox(tx, EarlyWarningRaised, { alertId: row.id, regionCode, categoryCode, ...s, raisedAt: row.raised_at.toISOString() });
  }
}
