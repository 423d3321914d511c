import { Not, type EntityManager } from 'typeorm';
import { Clock } from './clock.entity';
import { stopClocks } from './clock-writer';

/**
 * A duplicate merged into its survivor is supervised through the survivor alone: every clock of the
 * duplicate still counting stops with the merge as its cause, at the merge or, for a clock started
 * after it (an assignment applied after the merge), at its own start: never before it.
 */
export async function stopMergedClocks(tx: EntityManager, grievanceId: string, mergedAt: Date, cause: string): Promise<void> {
  const counting = await tx.getRepository(Clock).find({ where: { grievanceId, state: Not('stopped') }, select: { subjectId: true, step: true, startedAt: true } });
  for (const c of counting) {
    await stopClocks(tx, { subjectId: c.subjectId, steps: [c.step] }, c.startedAt > mergedAt ? c.startedAt : mergedAt, cause);
  }
}

/** The cause every stop of a merged duplicate's clocks records. */
export const mergedCause = (mergedIntoId: string, fact: string) => `merged into ${mergedIntoId}: ${fact}`;
