import type { EntityManager } from 'typeorm';
import type { Complexity } from '@yikouban/contracts';
import { Clock } from './clock.entity';
import { announceClock, startClock } from './clock-writer';
import { planAssignmentClocks } from './deadline-planner';
import { anchorAtReceipt, moves, reanchor } from './receipt-anchor';

/**
 * Intake's receipt came after routing's assignment: the clocks that assignment started without it
 * move to where they would have started had it come first (receipt-anchor.ts), and a clock the receipt
 * now calls for (the first-time feedback clock) starts. Only clocks marked awaiting the receipt move:
 * clocks anchored on anything else (acceptance, a handoff, a reply) never do. The mark is cleared on
 * the first receipt, so a second, equivalent fact finds nothing to do.
 *
 * The caller must hold the grievance's supervised_case row lock (tallyReceived takes it, as the
 * assignment handler does before it reads the receipt): either the assignment saw the receipt, or
 * its clocks are visible here. Such clocks exist only once an assignment was applied, which records
 * its registration decision on that row first: a caller that saw no decision under the lock may skip this.
 */
export async function anchorClocksOnReceipt(tx: EntityManager, grievanceId: string, receivedAt: Date, at: Date, cause: string): Promise<void> {
  const waiting = await tx.getRepository(Clock).find({ where: { grievanceId, awaitingReceipt: true }, lock: { mode: 'pessimistic_write' } });
  if (waiting.length === 0) return;
  const [p] = (await tx.query('SELECT first_time, complexity, statutory_path FROM grievance_profile WHERE grievance_id = $1', [grievanceId])) as {
    first_time: boolean | null; complexity: Complexity | null; statutory_path: string | null;
  }[];
  const profile = { firstTime: p?.first_time ?? null, complexity: p?.complexity ?? null, statutoryPath: p?.statutory_path ?? null };
  const anchored = new Map<string, Clock>();
  for (const c of waiting) {
    if (c.state === 'stopped') {
      // Its outcome is counted already: it keeps the start it ran on.
      await tx.update(Clock, { id: c.id }, { awaitingReceipt: false });
      continue;
    }
    const to = anchorAtReceipt(c, receivedAt, profile);
    if (!moves(c, to)) {
      await tx.update(Clock, { id: c.id }, { awaitingReceipt: false });
    } else {
      const after = reanchor(c, to, at, cause);
      await tx.update(Clock, { id: c.id }, {
        startedAt: after.startedAt, dueAt: after.dueAt, policyCode: after.policyCode, warnShares: after.warnShares, history: after.history, nextAlarmAt: after.nextAlarmAt, awaitingReceipt: false,
      });
      await announceClock(tx, after);
    }
    if (c.step === 'handling') anchored.set(c.subjectId, { ...c, startedAt: to.startedAt });
  }
  for (const [subjectId, handling] of anchored) await startMissing(tx, handling, subjectId, profile, cause);
}

/** The clocks the assignment would have started had the receipt come first (e.g. 初信初访 feedback) and has not. */
async function startMissing(tx: EntityManager, handling: Clock, subjectId: string, profile: { firstTime: boolean | null; complexity: Complexity | null; statutoryPath: string | null }, cause: string): Promise<void> {
  const have = new Set((await tx.getRepository(Clock).find({ where: { subjectId }, select: { step: true } })).map((c) => c.step));
  for (const planned of planAssignmentClocks({ ...profile, regionCode: handling.regionCode }, handling.startedAt)) {
    if (have.has(planned.step)) continue;
    await startClock(tx, { grievanceId: handling.grievanceId, subjectId, startedAt: handling.startedAt, regionCode: handling.regionCode, cause, ...planned });
  }
}
