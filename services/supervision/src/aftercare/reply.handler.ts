import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AssignmentReplied, type AssignmentRepliedV1, type EventEnvelope } from '@yikouban/contracts';
import type { EventHandler } from '@yikouban/messaging';
import { stopClocks } from '../clock/clock-writer';
import { stopIfCaseEnded } from '../clock/ended-case';
import { bump, lockCase, updateCase } from '../indicators/case-tally';
import { reviewWindowEnd } from './aftercare-deadlines';
import { afterAnswer } from './aftercare-machine';
import { loadByGrievance } from './aftercare.store';
import { scheduleReturnVisit } from './return-visits';

/**
 * The lead unit's 处理意见书 (第三十二条): its clocks stop (on time or late, for the indicators),
 * the 复查 window opens (第三十五条), a new round begins and the return visit is scheduled.
 */
@Injectable()
export class AssignmentRepliedHandler implements EventHandler<AssignmentRepliedV1> {
  readonly contract = AssignmentReplied;

  async handle(e: EventEnvelope<AssignmentRepliedV1>, tx: EntityManager): Promise<void> {
    const a = e.data;
    if (a.role !== 'lead') return;
    const at = new Date(a.at);
    const cause = `${AssignmentReplied.subject} ${e.id}`;
    // First, for the case row lock the merge and the withdrawal take before they stop the case's
    // clocks: either the return visit's clock is committed and they stop it, or it sees their mark below.
    const c = await lockCase(tx, a.grievanceId);
    const [handling] = (await tx.query(`SELECT due_at FROM clock WHERE subject_id = $1 AND step = 'handling'`, [a.assignmentId])) as { due_at: Date }[];
    await stopClocks(tx, { subjectId: a.assignmentId }, at, cause);

    const onTime = handling ? at.getTime() <= handling.due_at.getTime() : null;
    await bump(tx, at, { ...c, orgCode: a.orgCode }, { replied: 1, replied_on_time: onTime === true ? 1 : 0, replied_late: onTime === false ? 1 : 0 });

    const regionCode = c.regionCode || null;
    const existing = await loadByGrievance(tx, a.grievanceId);
    const next = afterAnswer(existing?.snapshot ?? null);
    // A new reply restarts the 复查 window, unless a 复查 already exists (then 复核 follows its answer).
    const windowEnds = existing && existing.reviews.length > 0 ? existing.row.review_window_ends_at : reviewWindowEnd('review', at, regionCode);
    await tx.query(
      `INSERT INTO aftercare (grievance_id, tracking_code, region_code, status, round, last_answer_kind, last_answer_org, last_answer_at, reply_assignment_id, reply_at, review_window_ends_at)
       VALUES ($1, $2, $3, $4, $5, 'reply', $6, $7, $8, $7, $9)
       ON CONFLICT (grievance_id) DO UPDATE SET status = EXCLUDED.status, round = EXCLUDED.round, last_answer_kind = 'reply',
         last_answer_org = EXCLUDED.last_answer_org, last_answer_at = EXCLUDED.last_answer_at, reply_assignment_id = EXCLUDED.reply_assignment_id,
         reply_at = EXCLUDED.reply_at, review_window_ends_at = EXCLUDED.review_window_ends_at, region_code = COALESCE(EXCLUDED.region_code, aftercare.region_code), updated_at = now()`,
      [a.grievanceId, a.trackingCode, regionCode, next.status, next.round, a.orgCode, at, a.assignmentId, windowEnds],
    );
    // A matter closed and answered again is open again until it is closed anew.
    if (existing?.row.status === 'closed') await updateCase(tx, a.grievanceId, { open: true });
    await scheduleReturnVisit(tx, { grievanceId: a.grievanceId, trackingCode: a.trackingCode, round: next.round, kind: 'reply', orgCode: a.orgCode, at, regionCode }, cause);
    // A reply applied after the merge or withdrawal: the return visit's clock stops as that end would have stopped it.
    await stopIfCaseEnded(tx, c, cause);
  }
}
