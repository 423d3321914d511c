import { Not, type EntityManager } from 'typeorm';
import { GrievanceMerged, GrievanceWithdrawn } from '@yikouban/contracts';
import type { SupervisedCase } from '../indicators/case-tally';
import { Clock } from './clock.entity';
import { stopClocks } from './clock-writer';
import { mergedCause } from './merged-duplicate';

/*
 * A grievance merged into its survivor or withdrawn by its petitioner is supervised no more. The
 * merge or withdrawal is marked on the case row (case-tally.ts) because it may be applied before the
 * facts that start clocks (a receipt, an assignment, a reply): those clocks stop as it would have
 * stopped them.
 */

/** The cause every stop of a withdrawn grievance's clocks records. */
export const withdrawnCause = (fact: string) => `withdrawn: ${fact}`;

/** Where a clock stops when its case ended: at the end or, for a clock started after it, at its own start (never before it). */
export const stopInstant = (startedAt: Date, endedAt: Date): Date => (startedAt > endedAt ? startedAt : endedAt);

/** How the case ended, as seen by a fact applied after the end (the earlier end when both a merge and a withdrawal came), or null while it runs. */
export function caseEnd(c: Pick<SupervisedCase, 'merged' | 'withdrawnAt'>, appliedFact: string): { at: Date; cause: string } | null {
  const ends: { at: Date; cause: string }[] = [];
  if (c.merged) ends.push({ at: c.merged.at, cause: mergedCause(c.merged.intoId, `${GrievanceMerged.subject}, applied before ${appliedFact}`) });
  if (c.withdrawnAt) ends.push({ at: c.withdrawnAt, cause: withdrawnCause(`${GrievanceWithdrawn.subject}, applied before ${appliedFact}`) });
  return ends.sort((a, b) => a.at.getTime() - b.at.getTime())[0] ?? null;
}

/** Every clock of the grievance still counting stops with the end as its cause. */
export async function stopEndedCaseClocks(tx: EntityManager, grievanceId: string, endedAt: Date, cause: string): Promise<void> {
  const counting = await tx.getRepository(Clock).find({ where: { grievanceId, state: Not('stopped') }, select: { subjectId: true, step: true, startedAt: true } });
  for (const c of counting) {
    await stopClocks(tx, { subjectId: c.subjectId, steps: [c.step] }, stopInstant(c.startedAt, endedAt), cause);
  }
}

/**
 * A fact that has just started clocks for a case already merged or withdrawn: they stop. Nothing is
 * read while the case runs. Race-free when `c` was read under the case row lock the merge and the
 * withdrawal also take (lockCase or updateCase, before the clocks start); read without it, a merge or
 * withdrawal committed meanwhile is missed. Every path that starts a grievance's clock does this: the
 * assignment's, the mediation deadline's, the reply's return visit, the review's answer, the leader
 * reception's promise.
 */
export async function stopIfCaseEnded(tx: EntityManager, c: Pick<SupervisedCase, 'grievanceId' | 'merged' | 'withdrawnAt'> | null, appliedFact: string): Promise<void> {
  const end = c ? caseEnd(c, appliedFact) : null;
  if (c && end) await stopEndedCaseClocks(tx, c.grievanceId, end.at, end.cause);
}
