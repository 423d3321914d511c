import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GrievanceMerged, type EventEnvelope, type GrievanceMergedV1 } from '@yikouban/contracts';
import { PermanentEventError, type EventHandler } from '@yikouban/messaging';
import { tallyMerged } from '../indicators/case-facts';
import { stopEndedCaseClocks } from './ended-case';
import { mergedCause } from './merged-duplicate';
import { registrationDecided } from './registration-clock';

/**
 * An operator merged a duplicate into its survivor (primary): the survivor carries the matter, so
 * the duplicate leaves the backlog and the open-case counts (marked merged into the survivor), needs
 * no registration of its own, and every clock of it still counting stops. The merge may come before
 * the duplicate's other facts: the mark on the case row keeps a later receipt from reopening it,
 * and a later lead assignment stops the clocks it starts (assignment-created.handler.ts).
 */
@Injectable()
export class GrievanceMergedHandler implements EventHandler<GrievanceMergedV1> {
  readonly contract = GrievanceMerged;

  async handle(event: EventEnvelope<GrievanceMergedV1>, tx: EntityManager): Promise<void> {
    const m = event.data;
    if (m.mergedIntoId === m.grievanceId) throw new PermanentEventError(`grievance ${m.grievanceId} cannot be merged into itself`);
    const at = new Date(m.mergedAt);
    const cause = mergedCause(m.mergedIntoId, `${GrievanceMerged.subject} ${event.id}`);
    // First, for the case row lock the receipt and assignment handlers also take before their clocks:
    // either their clocks are committed and stop below, or they see the mark.
    await tallyMerged(tx, m);
    await registrationDecided(tx, m.grievanceId, at, cause);
    await stopEndedCaseClocks(tx, m.grievanceId, at, cause);
  }
}
