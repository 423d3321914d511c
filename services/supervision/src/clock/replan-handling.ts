import type { EntityManager } from 'typeorm';
import type { Complexity } from '@yikouban/contracts';
import { nextAlarm } from './alarm-schedule';
import { Clock } from './clock.entity';
import { announceClock } from './clock-writer';
import { planAssignmentClocks } from './deadline-planner';

/**
 * Triage's judgement (a consultation, a simple matter) may reach supervision after the assignment
 * did, on another subject: a handling clock planned without it is planned again from its own start,
 * so a consultation still gets its half working day. Clocks already paused, stopped or breached keep theirs.
 * The re-planned clock is announced again, so the due date intake shows the citizen follows it.
 */
export async function replanHandling(tx: EntityManager, grievanceId: string, at: Date, cause: string): Promise<void> {
  const clocks = await tx.getRepository(Clock).find({ where: { grievanceId, step: 'handling', state: 'running' }, lock: { mode: 'pessimistic_write' } });
  if (clocks.length === 0) return;
  const [p] = (await tx.query('SELECT region_code, first_time, complexity, statutory_path FROM grievance_profile WHERE grievance_id = $1', [grievanceId])) as {
    region_code: string | null; first_time: boolean | null; complexity: Complexity | null; statutory_path: string | null;
  }[];
  if (!p) return;
  for (const c of clocks) {
    if (c.history.some((h) => h.change === 'extended' || h.change === 'resumed')) continue;
    // Without intake's receipt the profile has no region yet: the clock's own (the assignment's) is known.
    const planned = planAssignmentClocks({ regionCode: p.region_code ?? c.regionCode, firstTime: p.first_time, complexity: p.complexity, statutoryPath: p.statutory_path }, c.startedAt).find((x) => x.step === 'handling');
    if (!planned || planned.policyCode === c.policyCode) continue;
    const after: Clock = {
      ...c, policyCode: planned.policyCode, dueAt: planned.dueAt, warnShares: planned.warnShares, warningsSent: 0,
      history: [...c.history, { at: at.toISOString(), change: 'replanned', cause: `${cause}: ${c.policyCode} → ${planned.policyCode}` }],
    };
    after.nextAlarmAt = nextAlarm(after)?.at ?? null;
    await tx.update(Clock, { id: c.id }, { policyCode: after.policyCode, dueAt: after.dueAt, warnShares: after.warnShares, warningsSent: 0, history: after.history, nextAlarmAt: after.nextAlarmAt });
    await announceClock(tx, after);
  }
}
