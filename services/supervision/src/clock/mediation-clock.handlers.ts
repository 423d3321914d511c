import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DeadlineSet, HandoffAccepted, HandoffConcluded, HandoffDeclined, HandoffReturned, type DeadlineSetV1, type EventEnvelope } from '@yikouban/contracts';
import type { EventHandler } from '@yikouban/messaging';
import { ChineseDaysSource, WorkingCalendar } from '../calendar';
import { startClock, stopClocks } from './clock-writer';

const calendar = new WorkingCalendar(new ChineseDaysSource());

/**
 * Mediation time limits are data the mediation service publishes; supervision runs the clocks,
 * recomputing working-day limits with the holiday calendar (调休 included).
 */
@Injectable()
export class MediationDeadlineSetHandler implements EventHandler<DeadlineSetV1> {
  readonly contract = DeadlineSet;
  async handle(e: EventEnvelope<DeadlineSetV1>, tx: EntityManager): Promise<void> {
    const d = e.data;
    const startedAt = new Date(d.startedAt);
    const dueAt = d.unit === 'working_days' ? calendar.addWorkingDays(startedAt, d.amount) : new Date(d.dueAt);
    await startClock(tx, {
      grievanceId: d.grievanceId ?? null,
      subjectId: d.handoffId,
      step: `mediation_${d.step}`,
      policyCode: `mediation_${d.step}`.slice(0, 40),
      startedAt,
      dueAt,
      warnShares: [0.5, 0.8],
      cause: `${DeadlineSet.subject} ${e.id}`,
    });
  }
}

type HandoffFact = { handoffId: string; at: string };

function stopper(contract: typeof HandoffAccepted | typeof HandoffDeclined | typeof HandoffConcluded | typeof HandoffReturned, steps: string[] | undefined) {
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
export const HandoffAcceptedHandler = stopper(HandoffAccepted, ['mediation_handoff_acceptance']);
export const HandoffDeclinedHandler = stopper(HandoffDeclined, undefined);
export const HandoffConcludedHandler = stopper(HandoffConcluded, ['mediation_handoff_acceptance', 'mediation_mediator_appointment', 'mediation_mediation']);
export const HandoffReturnedHandler = stopper(HandoffReturned, undefined);
