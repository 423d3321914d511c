import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ClockStarted, type ClockStartedV1, type EventEnvelope } from '@yikouban/contracts';
import type { EventHandler } from '@yikouban/messaging';
import { CLOCK_STEP_UPSERT, clockStepParams } from './timeline';

/**
 * The citizen sees by when the handling unit must answer (定时反馈). Supervision announces the same
 * clock again when its due date moves (triage re-plans it, the receipt re-anchors it): the due date
 * and the one deadline step follow the newest announcement, whatever order they arrive in. The
 * envelope's occurredAt orders them: supervision stamps it while it holds the clock's row lock, so a
 * later announcement of the same clock carries a later instant (given its hosts' clocks agree).
 */
@Injectable()
export class ClockStartedHandler implements EventHandler<ClockStartedV1> {
  readonly contract = ClockStarted;

  async handle(event: EventEnvelope<ClockStartedV1>, tx: EntityManager): Promise<void> {
    const c = event.data;
    if (c.step !== 'handling') return;
    const asOf = new Date(event.occurredAt);
    // The grievance shows the newest announcement of any of its handling clocks (a later lead assignment's included),
    // written in the same statement as the step (one round trip per event, not two).
    await tx.query(
      `WITH step AS (${CLOCK_STEP_UPSERT})
       UPDATE grievance SET due_at = $7, due_at_as_of = $6 WHERE id = $1 AND (due_at_as_of IS NULL OR due_at_as_of <= $6)`,
      [...clockStepParams(c.grievanceId, c.clockId, new Date(c.startedAt), 'deadline_set', { step: c.step, dueAt: c.dueAt }, asOf), new Date(c.dueAt)],
    );
  }
}
