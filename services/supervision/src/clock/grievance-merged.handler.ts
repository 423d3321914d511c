import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GrievanceMerged, type EventEnvelope, type GrievanceMergedV1 } from '@yikouban/contracts';
import type { EventHandler } from '@yikouban/messaging';
import { registrationDecided } from './registration-clock';

/**
 * An operator merged a duplicate into its primary: the duplicate needs no registration of its own
 * (the primary is registered and routed), so its registration clock stops. Its other clocks, if
 * routing had already assigned it, keep running: the merge closes no assignment.
 */
@Injectable()
export class GrievanceMergedHandler implements EventHandler<GrievanceMergedV1> {
  readonly contract = GrievanceMerged;

  async handle(event: EventEnvelope<GrievanceMergedV1>, tx: EntityManager): Promise<void> {
    const m = event.data;
    await registrationDecided(tx, m.grievanceId, new Date(m.mergedAt), `merged into ${m.mergedIntoId}: ${GrievanceMerged.subject} ${event.id}`);
  }
}
