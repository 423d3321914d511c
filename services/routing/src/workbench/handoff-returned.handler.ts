import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AssignmentClosed, HandoffReturned, type EventEnvelope, type HandoffReturnedV1 } from '@yikouban/contracts';
import { appendToOutbox, type EventHandler } from '@yikouban/messaging';
import { AssignmentStore } from './assignment-store';
import { transition } from './domain/assignment-machine';

/**
 * 访调 settled by agreement (化解办结): intake closes the petition case on the same fact; here every
 * assignment of the grievance still open closes with it (`closed`), and each is announced with
 * routing.assignment.closed so supervision stops the grievance's clocks. What the state machine
 * will not close stays as it is: finished assignments, and disputed ones that their jurisdiction
 * decision settles. A redelivered event is kept out by the inbox; a second return finds nothing open.
 */
@Injectable()
export class HandoffReturnedHandler implements EventHandler<HandoffReturnedV1> {
  readonly contract = HandoffReturned;

  constructor(private readonly store: AssignmentStore) {}

  async handle(event: EventEnvelope<HandoffReturnedV1>, tx: EntityManager): Promise<void> {
    const r = event.data;
    if (r.kind !== 'petition_mediation' || r.grievanceId === undefined) return;
    if (r.outcome !== 'agreement' || r.followUp !== 'close_petition') return;
    const at = new Date(r.at);
    // The same lock as the workbench's commands: a unit's reply or return waits, then sees the closure.
    await this.store.lockGrievance(tx, r.grievanceId);
    for (const a of await this.store.allOf(tx, r.grievanceId)) {
      try {
        transition(await this.store.stateOf(tx, a), { type: 'close' }, at);
      } catch {
        continue;
      }
      await this.store.dropPendingHandover(tx, a.id, 'mediation_agreement', at);
      await this.store.save(tx, a, 'closed', at);
      await this.store.record(tx, a.id, at, { kind: 'closed', by: null, detail: { cause: 'mediation_agreement', handoffId: r.handoffId, mediationOrgCode: r.targetOrgCode } });
      await appendToOutbox(
        tx,
        AssignmentClosed,
        { assignmentId: a.id, grievanceId: a.grievanceId, trackingCode: a.trackingCode, role: a.role, orgCode: a.orgCode, cause: 'mediation_agreement', handoffId: r.handoffId, mediationOrgCode: r.targetOrgCode, at: at.toISOString() },
        { occurredAt: at },
      );
    }
  }
}
