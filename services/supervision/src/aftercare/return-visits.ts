import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ReturnVisitScheduled, type AnswerKind } from '@yikouban/contracts';
import { appendToOutbox } from '@yikouban/messaging';
import { startClock, stopClocks } from '../clock/clock-writer';
import { returnVisitDeadline } from './aftercare-deadlines';

export const RETURN_VISIT_STEP = 'return_visit';

export interface Answered {
  grievanceId: string;
  trackingCode: string;
  round: number;
  kind: AnswerKind;
  orgCode: string | null;
  at: Date;
  regionCode: string | null;
}

/**
 * 回访: every answer that reaches the petitioner is followed by a return visit, on the
 * jurisdiction's policy clock when it has one; an earlier visit still open is superseded.
 */
export async function scheduleReturnVisit(tx: EntityManager, a: Answered, cause: string): Promise<void> {
  await completeReturnVisits(tx, a.grievanceId, a.at, `superseded: ${cause}`);
  const id = randomUUID();
  const deadline = returnVisitDeadline(a.at, a.regionCode);
  await tx.query(
    `INSERT INTO return_visit (id, grievance_id, round, answer_kind, scheduled_at, due_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (grievance_id, round) DO NOTHING`,
    [id, a.grievanceId, a.round, a.kind, a.at, deadline?.dueAt ?? null],
  );
  if (deadline) {
    await startClock(tx, { grievanceId: a.grievanceId, subjectId: id, step: RETURN_VISIT_STEP, policyCode: deadline.policyCode, startedAt: a.at, dueAt: deadline.dueAt, warnShares: deadline.warnShares, regionCode: a.regionCode, cause });
  }
  await appendToOutbox(tx, ReturnVisitScheduled, {
    returnVisitId: id,
    grievanceId: a.grievanceId,
    trackingCode: a.trackingCode,
    round: a.round,
    answerKind: a.kind,
    ...(a.orgCode ? { orgCode: a.orgCode } : {}),
    answeredAt: a.at.toISOString(),
    ...(deadline ? { dueAt: deadline.dueAt.toISOString(), policyCode: deadline.policyCode } : {}),
  });
}

/** The visit happened (an evaluation came in) or is no longer needed: its clock stops. */
export async function completeReturnVisits(tx: EntityManager, grievanceId: string, at: Date, cause: string): Promise<void> {
  await tx.query('UPDATE return_visit SET completed_at = $2 WHERE grievance_id = $1 AND completed_at IS NULL', [grievanceId, at]);
  await stopClocks(tx, { grievanceId, steps: [RETURN_VISIT_STEP] }, at, cause);
}
