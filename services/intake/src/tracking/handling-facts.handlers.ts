import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import {
  AssignmentReplied,
  DeadlineExtended,
  GrievanceClosed,
  GrievanceEvaluated,
  type AssignmentRepliedV1,
  type DeadlineExtendedV1,
  type EventEnvelope,
  type GrievanceClosedV1,
  type GrievanceEvaluatedV1,
  type GrievanceStatus,
} from '@yikouban/contracts';
import type { EventHandler } from '@yikouban/messaging';
import { Grievance } from '../grievance/grievance.entity';
import { addTimelineEntry } from './timeline';

/** Statuses the handling facts may move a grievance on from; withdrawn and closed stay as they are. */
const HANDLED: GrievanceStatus[] = ['received', 'assigned', 'in_progress', 'replied'];

async function known(tx: EntityManager, grievanceId: string): Promise<boolean> {
  return tx.exists(Grievance, { where: { id: grievanceId } });
}

/**
 * The lead unit's 处理意见书 reached the petitioner (Art 32): the grievance reads "replied" and the
 * citizen sees the conclusion and the opinion — the letter is addressed to them. Co-units' replies
 * go into the lead's and are not the citizen's step.
 */
@Injectable()
export class AssignmentRepliedHandler implements EventHandler<AssignmentRepliedV1> {
  readonly contract = AssignmentReplied;

  async handle(event: EventEnvelope<AssignmentRepliedV1>, tx: EntityManager): Promise<void> {
    const r = event.data;
    if (r.role !== 'lead' || !(await known(tx, r.grievanceId))) return;
    const at = new Date(r.at);
    await tx.update(Grievance, { id: r.grievanceId, status: In(HANDLED) }, { status: 'replied', updatedAt: at });
    await addTimelineEntry(tx, r.grievanceId, at, 'replied', { conclusion: r.letter.conclusion, opinion: r.letter.opinion });
  }
}

/** The petitioner's evaluation (满意 / 基本满意 / 不满意), as supervision recorded it. */
@Injectable()
export class GrievanceEvaluatedHandler implements EventHandler<GrievanceEvaluatedV1> {
  readonly contract = GrievanceEvaluated;

  async handle(event: EventEnvelope<GrievanceEvaluatedV1>, tx: EntityManager): Promise<void> {
    const e = event.data;
    if (!(await known(tx, e.grievanceId))) return;
    await addTimelineEntry(tx, e.grievanceId, new Date(e.at), 'evaluated', { result: e.result, resolved: e.resolved });
  }
}

/** Supervision closed the matter (办结); `final` after 复核, when the same matter is not accepted again. */
@Injectable()
export class GrievanceClosedHandler implements EventHandler<GrievanceClosedV1> {
  readonly contract = GrievanceClosed;

  async handle(event: EventEnvelope<GrievanceClosedV1>, tx: EntityManager): Promise<void> {
    const c = event.data;
    if (!(await known(tx, c.grievanceId))) return;
    const at = new Date(c.closedAt);
    await tx.update(Grievance, { id: c.grievanceId, status: In(HANDLED) }, { status: 'closed', updatedAt: at });
    await addTimelineEntry(tx, c.grievanceId, at, 'closed', { final: c.final, ceaseCommitment: c.ceaseCommitment });
  }
}

/** The handling deadline was extended with approval (第三十四条): the petitioner is told the new date and why. */
@Injectable()
export class DeadlineExtendedHandler implements EventHandler<DeadlineExtendedV1> {
  readonly contract = DeadlineExtended;

  async handle(event: EventEnvelope<DeadlineExtendedV1>, tx: EntityManager): Promise<void> {
    const d = event.data;
    if (!(await known(tx, d.grievanceId))) return;
    if (d.step === 'handling') await tx.update(Grievance, { id: d.grievanceId }, { dueAt: new Date(d.dueAt) });
    await addTimelineEntry(tx, d.grievanceId, new Date(d.at), 'deadline_extended', { step: d.step, days: d.days, reason: d.reason, dueAt: d.dueAt });
  }
}

export const HANDLING_FACT_HANDLERS = [AssignmentRepliedHandler, GrievanceEvaluatedHandler, GrievanceClosedHandler, DeadlineExtendedHandler];
