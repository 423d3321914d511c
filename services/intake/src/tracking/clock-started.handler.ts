import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ClockStarted, type ClockStartedV1, type EventEnvelope } from '@yikouban/contracts';
import type { EventHandler } from '@yikouban/messaging';
import { Grievance } from '../grievance/grievance.entity';
import { setClockTimelineEntry } from './timeline';

/**
 * The citizen sees by when the handling unit must answer (定时反馈). Supervision announces the same
 * clock again when its due date moves (triage re-plans it, the receipt re-anchors it): the due date
 * and the one deadline step follow.
 */
@Injectable()
export class ClockStartedHandler implements EventHandler<ClockStartedV1> {
  readonly contract = ClockStarted;

  async handle(event: EventEnvelope<ClockStartedV1>, tx: EntityManager): Promise<void> {
    const c = event.data;
    if (c.step !== 'handling') return;
    await tx.update(Grievance, { id: c.grievanceId }, { dueAt: new Date(c.dueAt) });
    await setClockTimelineEntry(tx, c.grievanceId, c.clockId, new Date(c.startedAt), 'deadline_set', { step: c.step, dueAt: c.dueAt });
  }
}
