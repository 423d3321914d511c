import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  DeadlineSet,
  HandoffAccepted,
  HandoffConcluded,
  HandoffDeclined,
  HandoffReturned,
  type DeadlineSetV1,
  type EventEnvelope,
  type HandoffAcceptedV1,
  type HandoffReturnedV1,
} from '@yikouban/contracts';
import type { EventHandler } from '@yikouban/messaging';
import { activeRules } from '../administration/active-rules';
import { lockCase } from '../indicators/case-tally';
import { pauseClocks, resumeClocks } from './clock-pause';
import { profileRegion, startClock, stopClocks } from './clock-writer';
import { stopIfCaseEnded } from './ended-case';

/**
 * Mediation time limits are data the mediation service publishes; supervision runs the clocks,
 * recomputing working-day limits with the petition's jurisdiction's calendar (调休 and override days included).
 * A petition's clock set after intake merged or withdrew it stops as that end would have stopped it.
 */
@Injectable()
export class MediationDeadlineSetHandler implements EventHandler<DeadlineSetV1> {
  readonly contract = DeadlineSet;
  async handle(e: EventEnvelope<DeadlineSetV1>, tx: EntityManager): Promise<void> {
    const d = e.data;
    const cause = `${DeadlineSet.subject} ${e.id}`;
    // First, for the case row lock the merge and the withdrawal take before they stop the case's clocks.
    const supervised = d.grievanceId ? await lockCase(tx, d.grievanceId) : null;
    const startedAt = new Date(d.startedAt);
    const regionCode = await profileRegion(tx, d.grievanceId ?? null);
    const dueAt = d.unit === 'working_days' ? activeRules.calendarFor(regionCode).addWorkingDays(startedAt, d.amount) : new Date(d.dueAt);
    await startClock(tx, {
      regionCode,
      grievanceId: d.grievanceId ?? null,
      subjectId: d.handoffId,
      step: `mediation_${d.step}`,
      policyCode: `mediation_${d.step}`.slice(0, 40),
      startedAt,
      dueAt,
      warnShares: [0.5, 0.8],
      cause,
    });
    await stopIfCaseEnded(tx, supervised, cause);
  }
}

type HandoffFact = { handoffId: string; at: string };

function stopper(contract: typeof HandoffDeclined | typeof HandoffConcluded, steps: string[] | undefined) {
  @Injectable()
  class StopHandoffClocks implements EventHandler<HandoffFact> {
    readonly contract = contract as unknown as EventHandler<HandoffFact>['contract'];
    async handle(e: EventEnvelope<HandoffFact>, tx: EntityManager): Promise<void> {
      await stopClocks(tx, { subjectId: e.data.handoffId, steps }, new Date(e.data.at ?? e.occurredAt), `${contract.subject} ${e.id}`);
    }
  }
  return StopHandoffClocks;
}

/** A step's clock stops when the handoff leaves it. */
export const HandoffDeclinedHandler = stopper(HandoffDeclined, undefined);
export const HandoffConcludedHandler = stopper(HandoffConcluded, ['mediation_handoff_acceptance', 'mediation_mediator_appointment', 'mediation_mediation']);

/** A petition handed to 访调 and accepted there. */
const isPetitionMediation = (d: { kind: string; grievanceId?: string }): d is { kind: 'petition_mediation'; grievanceId: string } => d.kind === 'petition_mediation' && !!d.grievanceId;

/**
 * The receiving organisation took the case: its acceptance clock stops, and a petition's handling
 * clock pauses while the mediation service's own clocks run (诉调/访调 time is not the unit's time).
 */
@Injectable()
export class HandoffAcceptedHandler implements EventHandler<HandoffAcceptedV1> {
  readonly contract = HandoffAccepted;
  async handle(e: EventEnvelope<HandoffAcceptedV1>, tx: EntityManager): Promise<void> {
    const at = new Date(e.data.at);
    const cause = `${HandoffAccepted.subject} ${e.id}`;
    await stopClocks(tx, { subjectId: e.data.handoffId, steps: ['mediation_handoff_acceptance'] }, at, cause);
    if (isPetitionMediation(e.data)) await pauseClocks(tx, e.data.grievanceId, at, `petition in mediation: ${cause}`);
  }
}

/**
 * The outcome went back to the source: the handoff's clocks stop. When 访调 failed the petition goes
 * on, so its handling clock resumes with the paused time given back; after an agreement it stays
 * paused until routing closes the matter (assignment closed stops it).
 */
@Injectable()
export class HandoffReturnedHandler implements EventHandler<HandoffReturnedV1> {
  readonly contract = HandoffReturned;
  async handle(e: EventEnvelope<HandoffReturnedV1>, tx: EntityManager): Promise<void> {
    const at = new Date(e.data.at);
    const cause = `${HandoffReturned.subject} ${e.id}`;
    await stopClocks(tx, { subjectId: e.data.handoffId }, at, cause);
    if (e.data.outcome === 'failure' && isPetitionMediation(e.data)) await resumeClocks(tx, e.data.grievanceId, at, `mediation failed: ${cause}`);
  }
}
