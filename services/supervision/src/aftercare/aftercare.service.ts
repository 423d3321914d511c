import { randomUUID } from 'node:crypto';
import { Injectable, Optional } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  GrievanceClosed,
  GrievanceEvaluated,
  GrievanceFinalized,
  ReviewAnswered,
  ReviewRequested,
  ReworkRequested,
  type AftercareView,
  type AnswerReview,
  type CloseGrievance,
  type RecordEvaluation,
  type RequestReview,
  type RequestRework,
  type SupervisionActor,
} from '@yikouban/contracts';
import { appendToOutbox, OutboxRelay } from '@yikouban/messaging';
import { startClock, stopClocks } from '../clock/clock-writer';
import { stopIfCaseEnded } from '../clock/ended-case';
import { bump, lockCase, readCase, updateCase, type SupervisedCase } from '../indicators/case-tally';
import { ANSWER_STEP, reviewAnswerDeadline, reviewWindowEnd } from './aftercare-deadlines';
import * as rules from './aftercare-machine';
import { AftercareError } from './aftercare.errors';
import { loadByTrackingCode, readView, setStatus, type LoadedAftercare } from './aftercare.store';
import { completeReturnVisits, scheduleReturnVisit } from './return-visits';

const staffOnly = (by: SupervisionActor, what: string) => {
  if (by.kind !== 'staff') throw new AftercareError('actor_not_permitted', `只有工作人员可以${what} / only staff may do this`, 'by.kind');
};
const causeOf = (by: SupervisionActor, what: string) => `${what} by ${by.kind}${by.userId ? ` ${by.userId}` : ''}${by.orgCode ? ` (${by.orgCode})` : ''}`;

/**
 * Commands after the reply: evaluation, rework, closure and the review ladder. Each runs in one
 * transaction with the aftercare row locked; its facts go to the outbox, its clocks start or
 * stop, and the indicator counters move in the same transaction.
 */
@Injectable()
export class AftercareService {
  constructor(
    private readonly db: DataSource,
    @Optional() private readonly relay?: OutboxRelay,
  ) {}

  get(trackingCode: string): Promise<AftercareView> {
    return this.db.transaction(async (tx) => readView(tx, (await loadByTrackingCode(tx, trackingCode)).row.grievance_id));
  }

  evaluate(cmd: RecordEvaluation, now = new Date()): Promise<AftercareView> {
    // The portal is the citizen's own channel; a call or visit is recorded by staff.
    if ((cmd.by.kind === 'citizen') !== (cmd.channel === 'citizen_portal')) {
      throw new AftercareError('actor_not_permitted', '群众通过门户评价，电话或走访回访由工作人员记录 / citizens evaluate on the portal; staff record calls and visits', 'channel');
    }
    return this.command(cmd.trackingCode, async (tx, l) => {
      const next = rules.evaluate(l.snapshot, cmd.result);
      const id = randomUUID();
      await tx.query(
        `INSERT INTO evaluation (id, grievance_id, round, answer_kind, result, resolved, channel, by_kind, by_user, comment, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [id, l.row.grievance_id, l.row.round, l.row.last_answer_kind, cmd.result, cmd.resolved, cmd.channel, cmd.by.kind, cmd.by.userId ?? null, cmd.comment ?? null, now],
      );
      await setStatus(tx, l.row.grievance_id, { status: next.status });
      await completeReturnVisits(tx, l.row.grievance_id, now, causeOf(cmd.by, 'evaluated'));
      const c = await readCase(tx, l.row.grievance_id);
      await bump(tx, now, { ...c, orgCode: l.row.last_answer_org ?? c.orgCode }, {
        evaluated: 1,
        satisfied: cmd.result === 'satisfied' ? 1 : 0,
        basically_satisfied: cmd.result === 'basically_satisfied' ? 1 : 0,
        not_satisfied: cmd.result === 'not_satisfied' ? 1 : 0,
        resolved: cmd.resolved ? 1 : 0,
      });
      await appendToOutbox(tx, GrievanceEvaluated, {
        evaluationId: id,
        grievanceId: l.row.grievance_id,
        trackingCode: l.row.tracking_code,
        round: l.row.round,
        answerKind: l.row.last_answer_kind,
        result: cmd.result,
        resolved: cmd.resolved,
        channel: cmd.channel,
        byKind: cmd.by.kind,
        ...(l.row.last_answer_org ? { orgCode: l.row.last_answer_org } : {}),
        at: now.toISOString(),
      });
    });
  }

  rework(cmd: RequestRework, now = new Date()): Promise<AftercareView> {
    staffOnly(cmd.by, '要求重办');
    return this.command(cmd.trackingCode, async (tx, l) => {
      const next = rules.rework(l.snapshot);
      await setStatus(tx, l.row.grievance_id, { status: next.status });
      await appendToOutbox(tx, ReworkRequested, {
        grievanceId: l.row.grievance_id,
        trackingCode: l.row.tracking_code,
        ...(l.row.reply_assignment_id ? { assignmentId: l.row.reply_assignment_id } : {}),
        ...(l.row.last_answer_org ? { orgCode: l.row.last_answer_org } : {}),
        reason: cmd.reason,
        at: now.toISOString(),
      });
    });
  }

  close(cmd: CloseGrievance, now = new Date()): Promise<AftercareView> {
    staffOnly(cmd.by, '办结');
    return this.command(cmd.trackingCode, async (tx, l) => {
      rules.close(l.snapshot, cmd.note);
      const firstClosure = l.row.closed_at === null;
      await setStatus(tx, l.row.grievance_id, { status: 'closed', closed_at: now, cease_commitment: cmd.ceaseCommitment, closure_note: cmd.note ?? null });
      await completeReturnVisits(tx, l.row.grievance_id, now, causeOf(cmd.by, 'closed'));
      const c = await updateCase(tx, l.row.grievance_id, { open: false });
      if (firstClosure) await bump(tx, now, c, { closed: 1 });
      const evaluation = l.evaluations.find((e) => e.round === l.row.round);
      await appendToOutbox(tx, GrievanceClosed, {
        grievanceId: l.row.grievance_id,
        trackingCode: l.row.tracking_code,
        ceaseCommitment: cmd.ceaseCommitment,
        ...(evaluation ? { evaluationResult: evaluation.result } : {}),
        final: l.row.final,
        closedAt: now.toISOString(),
      });
    });
  }

  requestReview(cmd: RequestReview, now = new Date()): Promise<AftercareView> {
    if (cmd.requestedAt !== undefined && cmd.by.kind !== 'staff') {
      throw new AftercareError('actor_not_permitted', '只有工作人员可以登记较早提出的请求 / only staff record a request made earlier', 'requestedAt');
    }
    const requestedAt = cmd.requestedAt ? new Date(cmd.requestedAt) : now;
    return this.command(cmd.trackingCode, async (tx, l, supervised) => {
      const { window, status } = rules.requestReview(l.snapshot, { level: cmd.level, requestedAt, now });
      const id = randomUUID();
      const answer = reviewAnswerDeadline(window.level, requestedAt, l.row.region_code);
      await tx.query(
        `INSERT INTO review_request (id, grievance_id, level, reason, by_kind, by_user, requested_at, window_ends_at, answer_due_at, policy_code)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [id, l.row.grievance_id, window.level, cmd.reason, cmd.by.kind, cmd.by.userId ?? null, requestedAt, window.endsAt, answer.dueAt, answer.policyCode],
      );
      await setStatus(tx, l.row.grievance_id, { status });
      await completeReturnVisits(tx, l.row.grievance_id, now, causeOf(cmd.by, `${window.level} requested`));
      // A closed matter under review is open again.
      if (l.row.status === 'closed') await updateCase(tx, l.row.grievance_id, { open: true });
      const cause = causeOf(cmd.by, `${window.level} requested`);
      await startClock(tx, { grievanceId: l.row.grievance_id, subjectId: id, step: ANSWER_STEP[window.level], policyCode: answer.policyCode, startedAt: requestedAt, dueAt: answer.dueAt, warnShares: answer.warnShares, regionCode: l.row.region_code, cause });
      // Requested after intake merged or withdrew the grievance: the answer's clock stops as that end would have stopped it.
      await stopIfCaseEnded(tx, supervised, cause);
      await appendToOutbox(tx, ReviewRequested, {
        reviewRequestId: id,
        grievanceId: l.row.grievance_id,
        trackingCode: l.row.tracking_code,
        level: window.level,
        requestedAt: requestedAt.toISOString(),
        windowEndsAt: window.endsAt.toISOString(),
        answerDueAt: answer.dueAt.toISOString(),
        policyCode: answer.policyCode,
      });
    });
  }

  answerReview(cmd: AnswerReview, now = new Date()): Promise<AftercareView> {
    staffOnly(cmd.by, '答复复查（复核）');
    return this.command(cmd.trackingCode, async (tx, l, supervised) => {
      const next = rules.answerReview(l.snapshot, cmd.conclusion);
      const pending = l.reviews.find((r) => !r.answered_at);
      if (!pending) throw new AftercareError('no_pending_review', '没有待答复的请求 / there is no review request to answer');
      const onTime = now.getTime() <= pending.answer_due_at.getTime();
      const nextWindow = next.level === 'review' ? reviewWindowEnd('recheck', now, l.row.region_code) : null;
      await tx.query(
        `UPDATE review_request SET answered_at = $2, conclusion = $3, opinion = $4, answered_by = $5, on_time = $6, next_window_ends_at = $7 WHERE id = $1`,
        [pending.id, now, cmd.conclusion, cmd.opinion, cmd.by.userId ?? null, onTime, nextWindow],
      );
      const cause = causeOf(cmd.by, `${next.level} answered`);
      await stopClocks(tx, { subjectId: pending.id }, now, cause);
      await setStatus(tx, l.row.grievance_id, { status: next.status, round: next.round, final: next.final, ...(next.status === 'awaiting_evaluation' ? { last_answer_kind: next.level, last_answer_org: cmd.by.orgCode ?? null, last_answer_at: now } : {}) });
      if (next.status === 'awaiting_evaluation') {
        await scheduleReturnVisit(tx, { grievanceId: l.row.grievance_id, trackingCode: l.row.tracking_code, round: next.round, kind: next.level, orgCode: cmd.by.orgCode ?? null, at: now, regionCode: l.row.region_code }, cause);
        // Nor does the return visit's clock count on a merged or withdrawn grievance.
        await stopIfCaseEnded(tx, supervised, cause);
      }
      await appendToOutbox(tx, ReviewAnswered, {
        reviewRequestId: pending.id,
        grievanceId: l.row.grievance_id,
        trackingCode: l.row.tracking_code,
        level: next.level,
        conclusion: cmd.conclusion,
        answeredAt: now.toISOString(),
        onTime,
        ...(nextWindow ? { nextWindowEndsAt: nextWindow.toISOString() } : {}),
      });
      if (next.final) {
        await appendToOutbox(tx, GrievanceFinalized, { grievanceId: l.row.grievance_id, trackingCode: l.row.tracking_code, reviewRequestId: pending.id, finalizedAt: now.toISOString() });
      }
    });
  }

  /**
   * Locks the case and the aftercare of the tracking code, applies the change, answers the new view.
   * The case row lock comes first, as in every fact that stops or starts the case's clocks (the
   * reply, a merge, a withdrawal): the change sees an end committed before it, and an end applied
   * meanwhile waits for it and stops what it started.
   */
  private async command(trackingCode: string, change: (tx: EntityManager, loaded: LoadedAftercare, supervised: SupervisedCase) => Promise<void>): Promise<AftercareView> {
    const view = await this.db.transaction(async (tx) => {
      const [known] = (await tx.query('SELECT grievance_id FROM aftercare WHERE tracking_code = $1', [trackingCode])) as { grievance_id: string }[];
      const locked = known ? await lockCase(tx, known.grievance_id) : null;
      const loaded = await loadByTrackingCode(tx, trackingCode);
      // The reply that wrote the aftercare committed between the two reads: its case now, in the other order.
      await change(tx, loaded, locked ?? (await lockCase(tx, loaded.row.grievance_id)));
      return readView(tx, loaded.row.grievance_id);
    });
    this.relay?.kick();
    return view;
  }
}
