import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GrievanceWithdrawn, type EventEnvelope, type GrievanceWithdrawnV1 } from '@yikouban/contracts';
import type { EventHandler } from '@yikouban/messaging';
import { tallyWithdrawn } from '../indicators/case-facts';
import { stopEndedCaseClocks, withdrawnCause } from './ended-case';
import { registrationDecided } from './registration-clock';

/**
 * The petitioner withdrew the grievance (撤回): it leaves the backlog and the open-case counts
 * (marked withdrawn), needs no registration, and every clock of it still counting stops, with the
 * withdrawal as its cause. The withdrawal may come before the grievance's other facts: the mark on
 * the case row keeps a later receipt from reopening it, and a later lead assignment stops the
 * clocks it starts (assignment-created.handler.ts).
 */
@Injectable()
export class GrievanceWithdrawnHandler implements EventHandler<GrievanceWithdrawnV1> {
  readonly contract = GrievanceWithdrawn;

  async handle(event: EventEnvelope<GrievanceWithdrawnV1>, tx: EntityManager): Promise<void> {
    const w = event.data;
    const at = new Date(w.withdrawnAt);
    const cause = withdrawnCause(`${GrievanceWithdrawn.subject} ${event.id}`);
    // First, for the case row lock the receipt and assignment handlers also take before their clocks:
    // either their clocks are committed and stop below, or they see the mark.
    await tallyWithdrawn(tx, w);
    await registrationDecided(tx, w.grievanceId, at, cause);
    await stopEndedCaseClocks(tx, w.grievanceId, at, cause);
  }
}
