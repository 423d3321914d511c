import type { EntityManager } from 'typeorm';
import type { AftercareStatus, AftercareView, AnswerKind, EvaluationChannel, EvaluationResult, ReviewConclusion, ReviewLevel } from '@yikouban/contracts';
import { nextReviewWindow, type AftercareSnapshot } from './aftercare-machine';
import { AftercareError } from './aftercare.errors';

/** Reads and writes of the aftercare tables (raw SQL: small rows, row locks where a command decides). */

export interface AftercareRow {
  grievance_id: string;
  tracking_code: string;
  region_code: string | null;
  status: AftercareStatus;
  round: number;
  final: boolean;
  last_answer_kind: AnswerKind;
  last_answer_org: string | null;
  last_answer_at: Date;
  reply_assignment_id: string | null;
  reply_at: Date;
  review_window_ends_at: Date;
  closed_at: Date | null;
  cease_commitment: boolean;
  closure_note: string | null;
}

interface EvaluationRow {
  id: string;
  round: number;
  answer_kind: AnswerKind;
  result: EvaluationResult;
  resolved: boolean;
  channel: EvaluationChannel;
  by_kind: 'staff' | 'citizen';
  comment: string | null;
  at: Date;
}

export interface ReviewRow {
  id: string;
  level: ReviewLevel;
  reason: string;
  requested_at: Date;
  window_ends_at: Date;
  answer_due_at: Date;
  answered_at: Date | null;
  conclusion: ReviewConclusion | null;
  opinion: string | null;
  on_time: boolean | null;
  next_window_ends_at: Date | null;
}

interface ReturnVisitRow {
  id: string;
  round: number;
  answer_kind: AnswerKind;
  scheduled_at: Date;
  due_at: Date | null;
  completed_at: Date | null;
}

/** The row and everything the rules need, locked for the rest of the transaction. */
export interface LoadedAftercare {
  row: AftercareRow;
  reviews: ReviewRow[];
  evaluations: EvaluationRow[];
  snapshot: AftercareSnapshot;
}

async function load(tx: EntityManager, where: 'grievance_id' | 'tracking_code', key: string): Promise<LoadedAftercare | null> {
  const [row] = (await tx.query(`SELECT * FROM aftercare WHERE ${where} = $1 FOR UPDATE`, [key])) as AftercareRow[];
  if (!row) return null;
  const reviews = (await tx.query('SELECT * FROM review_request WHERE grievance_id = $1 ORDER BY requested_at', [row.grievance_id])) as ReviewRow[];
  const evaluations = (await tx.query('SELECT * FROM evaluation WHERE grievance_id = $1 ORDER BY round', [row.grievance_id])) as EvaluationRow[];
  const snapshot: AftercareSnapshot = {
    status: row.status,
    round: row.round,
    final: row.final,
    replyAt: row.reply_at,
    reviewWindowEndsAt: row.review_window_ends_at,
    evaluatedThisRound: evaluations.some((e) => e.round === row.round),
    reviews: reviews.map((r) => ({ level: r.level, requestedAt: r.requested_at, answeredAt: r.answered_at, nextWindowEndsAt: r.next_window_ends_at })),
  };
  return { row, reviews, evaluations, snapshot };
}

export const loadByGrievance = (tx: EntityManager, grievanceId: string) => load(tx, 'grievance_id', grievanceId);

/** The aftercare of a tracking code, or the refusal: nothing happens after the reply before the reply. */
export async function loadByTrackingCode(tx: EntityManager, trackingCode: string): Promise<LoadedAftercare> {
  const loaded = await load(tx, 'tracking_code', trackingCode);
  if (!loaded) throw new AftercareError('not_replied', '该事项尚未答复，或受理编号不存在 / no reply has been given for this tracking code');
  return loaded;
}

export async function setStatus(tx: EntityManager, grievanceId: string, patch: Partial<Pick<AftercareRow, 'status' | 'round' | 'final' | 'last_answer_kind' | 'last_answer_org' | 'last_answer_at' | 'closed_at' | 'cease_commitment' | 'closure_note'>>): Promise<void> {
  const cols = Object.keys(patch) as (keyof typeof patch)[];
  await tx.query(
    `UPDATE aftercare SET ${cols.map((c, i) => `${c} = $${i + 2}`).join(', ')}, updated_at = now() WHERE grievance_id = $1`,
    [grievanceId, ...cols.map((c) => patch[c])],
  );
}

export async function readView(tx: EntityManager, grievanceId: string): Promise<AftercareView> {
  const loaded = await load(tx, 'grievance_id', grievanceId);
  if (!loaded) throw new AftercareError('not_replied', '该事项尚未答复 / no reply has been given yet');
  const { row, reviews, evaluations, snapshot } = loaded;
  const [visit] = (await tx.query('SELECT * FROM return_visit WHERE grievance_id = $1 ORDER BY round DESC LIMIT 1', [grievanceId])) as ReturnVisitRow[];
  const window = nextReviewWindow(snapshot);
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    grievanceId: row.grievance_id,
    trackingCode: row.tracking_code,
    status: row.status,
    round: row.round,
    final: row.final,
    lastAnswer: { kind: row.last_answer_kind, orgCode: row.last_answer_org, at: row.last_answer_at.toISOString() },
    returnVisit: visit
      ? { id: visit.id, round: visit.round, answerKind: visit.answer_kind, scheduledAt: visit.scheduled_at.toISOString(), dueAt: iso(visit.due_at), completedAt: iso(visit.completed_at) }
      : null,
    evaluations: evaluations.map((e) => ({
      id: e.id,
      round: e.round,
      answerKind: e.answer_kind,
      result: e.result,
      resolved: e.resolved,
      channel: e.channel,
      byKind: e.by_kind,
      comment: e.comment,
      at: e.at.toISOString(),
    })),
    reviews: reviews.map((r) => ({
      id: r.id,
      level: r.level,
      reason: r.reason,
      requestedAt: r.requested_at.toISOString(),
      windowEndsAt: r.window_ends_at.toISOString(),
      answerDueAt: r.answer_due_at.toISOString(),
      answeredAt: iso(r.answered_at),
      conclusion: r.conclusion,
      opinion: r.opinion,
      onTime: r.on_time,
    })),
    reviewWindow: window ? { level: window.level, opensAt: window.opensAt.toISOString(), endsAt: window.endsAt.toISOString() } : null,
    closure: row.closed_at && row.status === 'closed' ? { closedAt: row.closed_at.toISOString(), ceaseCommitment: row.cease_commitment, note: row.closure_note } : null,
  };
}
