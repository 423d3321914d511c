import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GrievanceWithdrawn, type EventEnvelope, type GrievanceWithdrawnV1 } from '@yikouban/contracts';
import { PermanentEventError, type EventHandler } from '@yikouban/messaging';
import { HandoffTransitionError, transition, withdrawRequest, type TransitionResult } from './domain';
import { HandoffRepository, type StoredHandoff } from './handoff.repository';
import { HandoffService } from './handoff.service';

/**
 * The petitioner withdrew the petition case a 访调 handoff came from: mediation has nothing left
 * to settle. An unanswered request is recalled, an open mediation ends as `withdrawn`; both on
 * behalf of the source, with the facts going out like any other conclusion.
 */
@Injectable()
export class GrievanceWithdrawnHandler implements EventHandler<GrievanceWithdrawnV1> {
  readonly contract = GrievanceWithdrawn;

  constructor(
    private readonly handoffs: HandoffRepository,
    private readonly service: HandoffService,
  ) {}

  async handle(event: EventEnvelope<GrievanceWithdrawnV1>, tx: EntityManager): Promise<void> {
    const open = await this.handoffs.lockOpenPetitionHandoffs(tx, event.data.grievanceId);
    const reason = `信访人撤回信访事项：${event.data.reason} (the petitioner withdrew the petition)`;
    for (const h of open) {
      // Now, not withdrawnAt: the handoff may have moved after the withdrawal was made at intake.
      const now = new Date();
      const by = { userId: `event:${event.id}`, orgCode: h.state.source.orgCode };
      await this.service.store(tx, h, this.close(h, reason, by, now));
    }
  }

  private close(h: StoredHandoff, reason: string, by: { userId: string; orgCode: string }, now: Date): TransitionResult {
    try {
      return h.state.status === 'requested'
        ? withdrawRequest(h.state, { reason, by }, now)
        : transition(h.state, { type: 'conclude_failure', end: 'withdrawn', reason, by }, now);
    } catch (err) {
      // Only a broken stored state can refuse this; retrying would not help.
      if (err instanceof HandoffTransitionError) throw new PermanentEventError(`handoff ${h.state.id}: ${err.code} ${err.message}`);
      throw err;
    }
  }
}
