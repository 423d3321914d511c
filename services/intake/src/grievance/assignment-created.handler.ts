import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AssignmentCreated, type AssignmentCreatedV1, type EventEnvelope } from '@yikouban/contracts';
import type { EventHandler } from '@yikouban/messaging';
import { addTimelineEntry } from '../tracking/timeline';

/** The citizen's view follows routing: once a lead unit is assigned the grievance reads "assigned". */
@Injectable()
export class AssignmentCreatedHandler implements EventHandler<AssignmentCreatedV1> {
  readonly contract = AssignmentCreated;

  async handle(event: EventEnvelope<AssignmentCreatedV1>, tx: EntityManager): Promise<void> {
    if (event.data.role !== 'lead') return;
    const at = new Date(event.occurredAt);
    // One statement (a round trip per event saved): the status moves only from 'received'; the lead unit is always recorded.
    await tx.query(
      `UPDATE grievance SET lead_unit_name = $2,
         status = CASE WHEN status = 'received' THEN 'assigned' ELSE status END,
         updated_at = CASE WHEN status = 'received' THEN $3 ELSE updated_at END
       WHERE id = $1`,
      [event.data.grievanceId, event.data.orgName, at],
    );
    await addTimelineEntry(tx, event.data.grievanceId, at, 'assigned', { unitName: event.data.orgName });
  }
}
