import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AssignmentCreated, type AssignmentCreatedV1, type Complexity, type EventEnvelope } from '@yikouban/contracts';
import type { EventHandler } from '@yikouban/messaging';
import { tallyLeadAssigned } from '../indicators/case-facts';
import { Clock } from './clock.entity';
import { startClocks } from './clock-writer';
import { handlingStart, planAssignmentClocks, REGISTRATION_STEP } from './deadline-planner';
import { stopIfCaseEnded } from './ended-case';
import { stopRegistrationAmong } from './registration-clock';

/** The lead unit's assignment ends registration (交办) and starts the handling clock (and the first-time feedback clock). */
@Injectable()
export class AssignmentCreatedHandler implements EventHandler<AssignmentCreatedV1> {
  readonly contract = AssignmentCreated;

  async handle(event: EventEnvelope<AssignmentCreatedV1>, tx: EntityManager): Promise<void> {
    const a = event.data;
    if (a.role !== 'lead') return;
    const decided = { at: new Date(a.createdAt), cause: `assigned: ${AssignmentCreated.subject} ${event.id}` };
    // The decision is kept in the case's own update (under its row lock); then the clocks are read, and
    // locked, in one statement: the registration clock the decision stops and any of the assignment's it moves.
    const supervised = await tallyLeadAssigned(tx, a, decided);
    const clocks = await tx.getRepository(Clock).find({
      where: [{ subjectId: a.grievanceId, step: REGISTRATION_STEP }, { subjectId: a.assignmentId }],
      lock: { mode: 'pessimistic_write' },
    });
    await stopRegistrationAmong(tx, a.grievanceId, clocks, decided.at, decided.cause);
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
      clocks,
    );
    // Intake's merge or withdrawal was applied first (seen under the case row lock): the clocks stop as it would have stopped them.
    await stopIfCaseEnded(tx, supervised, `${AssignmentCreated.subject} ${event.id}`);
  }
}
