import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GrievanceReceived, GrievanceTriaged, type Complexity, type EventEnvelope, type GrievanceReceivedV1, type GrievanceTriagedV1 } from '@yikouban/contracts';
import type { EventHandler } from '@yikouban/messaging';
import { watchForSpike } from '../early-warning/spike-watch';
import { tallyReceived, tallyTriaged } from '../indicators/case-facts';
import { noteRepeat } from '../oversight/backlog-rules';
import { anchorClocksOnReceipt } from './anchor-on-receipt';
import { registrationDecided, startRegistrationClock } from './registration-clock';
import { replanHandling } from './replan-handling';

/**
 * Keeps what deadline policies depend on: where the matter is and whether it is first-time;
 * re-anchors a lead assignment's clocks that started before the receipt was known; and starts the
 * registration clock.
 */
@Injectable()
export class ProfileFromReceivedHandler implements EventHandler<GrievanceReceivedV1> {
  readonly contract = GrievanceReceived;
  async handle(e: EventEnvelope<GrievanceReceivedV1>, tx: EntityManager): Promise<void> {
    const [profile] = (await tx.query(
      `INSERT INTO grievance_profile (grievance_id, region_code, first_time) VALUES ($1, $2, $3)
       ON CONFLICT (grievance_id) DO UPDATE SET region_code = EXCLUDED.region_code, first_time = EXCLUDED.first_time, updated_at = now()
       RETURNING first_time, complexity, statutory_path`,
      [e.data.grievanceId, e.data.regionCode, e.data.firstTime ?? null],
    )) as { first_time: boolean | null; complexity: Complexity | null; statutory_path: string | null }[];
    const counted = await tallyReceived(tx, e.data);
    // After tallyReceived, which holds the case row the assignment handler also locks before it reads the receipt.
    // Only an applied assignment leaves clocks awaiting the receipt, and it records its decision on that row first.
    if (counted.registrationDecided) await anchorClocksOnReceipt(tx, e.data.grievanceId, new Date(e.data.receivedAt), new Date(e.occurredAt), `${GrievanceReceived.subject} ${e.id}`);
    // Under the same lock: registration (第二十二条) runs from the receipt until routing decides.
    await startRegistrationClock(
      tx,
      {
        grievanceId: e.data.grievanceId, regionCode: e.data.regionCode, receivedAt: new Date(e.data.receivedAt),
        profile: { firstTime: profile.first_time, complexity: profile.complexity, statutoryPath: profile.statutory_path },
      },
      `${GrievanceReceived.subject} ${e.id}`,
      // The decision as the case row held it under the lock tallyReceived took (no read again).
      counted.registrationDecided,
    );
    await noteRepeat(tx, e.data);
    await watchForSpike(tx, counted);
  }
}

/**
 * …and how triage judged it (急简繁难, statutory road, category): a consultation gets half a working
 * day. A diversion (110, 政法, 纪检, or a progress report for a repeat without new facts) is
 * routing's decision on where the grievance goes: registration is done.
 */
@Injectable()
export class ProfileFromTriagedHandler implements EventHandler<GrievanceTriagedV1> {
  readonly contract = GrievanceTriaged;
  async handle(e: EventEnvelope<GrievanceTriagedV1>, tx: EntityManager): Promise<void> {
    await tx.query(
      `INSERT INTO grievance_profile (grievance_id, complexity, statutory_path) VALUES ($1, $2, $3)
       ON CONFLICT (grievance_id) DO UPDATE SET complexity = EXCLUDED.complexity, statutory_path = EXCLUDED.statutory_path, updated_at = now()`,
      [e.data.grievanceId, e.data.complexity, e.data.statutoryPath],
    );
    // Triage's category moves the receipt's count: watch the town × category it now counts under.
    const { moved, registrationDecided: decided } = await tallyTriaged(tx, e.data);
    if (moved) await watchForSpike(tx, moved);
    // A handling clock is an applied lead assignment's, which records its decision on the case row
    // first: seen under that row's lock without one (decided false), there is none to replan.
    if (decided !== false) await replanHandling(tx, e.data.grievanceId, new Date(e.occurredAt), `${GrievanceTriaged.subject} ${e.id}`);
    if (e.data.diversion) await registrationDecided(tx, e.data.grievanceId, new Date(e.data.decidedAt), `${e.data.diversion}: ${GrievanceTriaged.subject} ${e.id}`);
  }
}
