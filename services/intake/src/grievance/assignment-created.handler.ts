import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AssignmentCreated, type AssignmentCreatedV1, type EventEnvelope } from '@yikouban/contracts';
import type { EventHandler } from '@yikouban/messaging';
import { addTimelineEntry } from '../tracking/timeline';
import { Grievance } from './grievance.entity';

/** The citizen's view follows routing: once a lead unit is assigned the grievance reads "assigned". */
@Injectable()
export class AssignmentCreatedHandler implements EventHandler<AssignmentCreatedV1> {
  readonly contract = AssignmentCreated;

  async handle(event: EventEnvelope<AssignmentCreatedV1>, tx: EntityManager): Promise<void> {
    if (event.data.role !== 'lead') return;
    const at = new Date(event.occurredAt);
    await tx.update(Grievance, { id: event.data.grievanceId, status: 'received' }, { status: 'assigned', updatedAt: at });
    await tx.update(Grievance, { id: event.data.grievanceId }, { leadUnitName: event.data.orgName });
    await addTimelineEntry(tx, event.data.grievanceId, at, 'assigned', { unitName: event.data.orgName });
  }
}
