import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { HandoffReturned, type EventEnvelope, type GrievanceStatus, type HandoffReturnedV1 } from '@yikouban/contracts';
import type { EventHandler } from '@yikouban/messaging';
import { addTimelineEntry } from '../tracking/timeline';
import { Grievance } from './grievance.entity';

/** Statuses a petition case can still be closed from; withdrawn and closed cases stay as they are. */
const OPEN: GrievanceStatus[] = ['received', 'assigned', 'in_progress', 'replied'];

/**
 * 访调 outcome back at the source: an agreement closes the petition case (化解办结); a failed
 * mediation leaves it open to continue on its statutory path. Either way the citizen sees the step.
 * Other kinds (诉调, 检调, 警调) carry no petition case and are not intake's.
 */
@Injectable()
export class HandoffReturnedHandler implements EventHandler<HandoffReturnedV1> {
  readonly contract = HandoffReturned;

  async handle(event: EventEnvelope<HandoffReturnedV1>, tx: EntityManager): Promise<void> {
    const r = event.data;
    if (r.kind !== 'petition_mediation' || r.grievanceId === undefined) return;
    const known = await tx.findOne(Grievance, { where: { id: r.grievanceId }, select: { id: true } });
    if (!known) return;
    const at = new Date(r.at);
    if (r.followUp === 'close_petition') await tx.update(Grievance, { id: r.grievanceId, status: In(OPEN) }, { status: 'closed', updatedAt: at });
    await addTimelineEntry(tx, r.grievanceId, at, 'mediation_returned', { outcome: r.outcome, followUp: r.followUp });
  }
}
