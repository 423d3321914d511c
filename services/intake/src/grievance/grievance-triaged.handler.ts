import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GrievanceTriaged, type EventEnvelope, type GrievanceTriagedV1 } from '@yikouban/contracts';
import type { EventHandler } from '@yikouban/messaging';
import { addTimelineEntry } from '../tracking/timeline';
import { Grievance } from './grievance.entity';

/**
 * Routing's triage, as intake keeps it. The citizen sees whether the matter was accepted as a
 * petition or guided to its statutory road, with the reason (法定途径优先).
 *
 * Intake does not hold the classification list; routing does. When triage sends a matter to
 * discipline inspection it is a 检举控告 (accusation class), so the reporter becomes protected
 * from the handling unit (Art 30) even if nobody ticked `accusation` at registration. Never unset.
 */
@Injectable()
export class GrievanceTriagedHandler implements EventHandler<GrievanceTriagedV1> {
  readonly contract = GrievanceTriaged;

  async handle(event: EventEnvelope<GrievanceTriagedV1>, tx: EntityManager): Promise<void> {
    const t = event.data;
    if (t.diversion === 'discipline_inspection') await tx.update(Grievance, { id: t.grievanceId, accusation: false }, { accusation: true });
    // The step only for a grievance intake knows, checked in the same statement (one round trip, not two).
    await addTimelineEntry(
      tx,
      t.grievanceId,
      new Date(t.decidedAt),
      'triaged',
      {
        acceptedAsPetition: t.statutoryPath === 'petition' && t.diversion === undefined,
        statutoryPath: t.statutoryPath,
        diversion: t.diversion ?? null,
        reason: t.reason,
      },
      { ifKnown: true },
    );
  }
}
