import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GrievanceWithdrawn, type EventEnvelope, type GrievanceWithdrawnV1 } from '@yikouban/contracts';
import type { EventHandler } from '@yikouban/messaging';
import { tallyWithdrawn } from '../indicators/case-facts';
import { stopClocks } from './clock-writer';
import { registrationDecided } from './registration-clock';

/** A withdrawn grievance needs no more reminders: every open clock stops, with the cause recorded. */
@Injectable()
export class GrievanceWithdrawnHandler implements EventHandler<GrievanceWithdrawnV1> {
  readonly contract = GrievanceWithdrawn;

  async handle(event: EventEnvelope<GrievanceWithdrawnV1>, tx: EntityManager): Promise<void> {
    // Kept on the case too: a receipt applied after this starts no registration clock that runs.
    await registrationDecided(tx, event.data.grievanceId, new Date(event.data.withdrawnAt), `withdrawn: ${GrievanceWithdrawn.subject} ${event.id}`);
    await stopClocks(tx, { grievanceId: event.data.grievanceId }, new Date(event.data.withdrawnAt), `${GrievanceWithdrawn.subject} ${event.id}`);
    await tallyWithdrawn(tx, event.data);
  }
}
