import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AssignmentCreated, type AssignmentCreatedV1, type Complexity, type EventEnvelope } from '@yikouban/contracts';
import type { EventHandler } from '@yikouban/messaging';
import { tallyLeadAssigned } from '../indicators/case-facts';
import { startClocks } from './clock-writer';
import { handlingStart, planAssignmentClocks } from './deadline-planner';
import { stopIfCaseEnded } from './ended-case';
import { registrationDecided } from './registration-clock';

/** The lead unit's assignment ends registration (交办) and starts the handling clock (and the first-time feedback clock). */
@Injectable()
export class AssignmentCreatedHandler implements EventHandler<AssignmentCreatedV1> {
  readonly contract = AssignmentCreated;

  async handle(event: EventEnvelope<AssignmentCreatedV1>, tx: EntityManager): Promise<void> {
    const a = event.data;
    if (a.role !== 'lead') return;
    const supervised = await tallyLeadAssigned(tx, a);
    await registrationDecided(tx, a.grievanceId, new Date(a.createdAt), `assigned: ${AssignmentCreated.subject} ${event.id}`);
    // The profile and the receipt in one read (the case row exists: the tally above wrote it).
    const [p] = (await tx.query(
      `SELECT g.region_code, g.first_time, g.complexity, g.statutory_path, c.received_at
         FROM supervised_case c LEFT JOIN grievance_profile g ON g.grievance_id = c.grievance_id WHERE c.grievance_id = $1`,
      [a.grievanceId],
    )) as { region_code: string | null; first_time: boolean | null; complexity: Complexity | null; statutory_path: string | null; received_at: Date | null }[];
    // Facts from intake may still be on their way: the assignment's own region is always known.
    const profile = { regionCode: p?.region_code ?? a.regionCode, firstTime: p?.first_time ?? null, complexity: p?.complexity ?? null, statutoryPath: p?.statutory_path ?? null };
    const receivedAt = p?.received_at ?? null;
    const startedAt = handlingStart(new Date(a.createdAt), receivedAt, profile.regionCode);
    // Without the receipt the clocks start at the assignment; intake's fact re-anchors them when it comes.
    const awaitingReceipt = receivedAt === null;
    await startClocks(
      tx,
      planAssignmentClocks(profile, startedAt).map((planned) => ({
        grievanceId: a.grievanceId, subjectId: a.assignmentId, startedAt, regionCode: profile.regionCode, awaitingReceipt, cause: `${AssignmentCreated.subject} ${event.id}`, ...planned,
      })),
    );
    // Intake's merge or withdrawal was applied first (seen under the case row lock): the clocks stop as it would have stopped them.
    await stopIfCaseEnded(tx, supervised, `${AssignmentCreated.subject} ${event.id}`);
  }
}
