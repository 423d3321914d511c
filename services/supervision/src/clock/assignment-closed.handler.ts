import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AssignmentClosed, type AssignmentClosedV1, type EventEnvelope } from '@yikouban/contracts';
import type { EventHandler } from '@yikouban/messaging';
import { stopClocks } from './clock-writer';

/**
 * Routing closed the grievance's assignments because a 访调 agreement settled it (化解办结): nothing
 * is due any more, so every clock of the grievance still counting stops, the cause recorded. Routing
 * sends one fact per assignment closed; the first stops the clocks, the others find none open.
 */
@Injectable()
export class AssignmentClosedHandler implements EventHandler<AssignmentClosedV1> {
  readonly contract = AssignmentClosed;

  async handle(event: EventEnvelope<AssignmentClosedV1>, tx: EntityManager): Promise<void> {
    const c = event.data;
    if (c.cause !== 'mediation_agreement') return;
    await stopClocks(tx, { grievanceId: c.grievanceId }, new Date(c.at), `mediation_agreement: ${AssignmentClosed.subject} ${event.id}`);
  }
}
