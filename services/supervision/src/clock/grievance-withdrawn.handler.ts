import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GrievanceWithdrawn, type EventEnvelope, type GrievanceWithdrawnV1 } from '@yikouban/contracts';
import type { EventHandler } from '@yikouban/messaging';
import { Clock } from './clock.entity';

/** A withdrawn grievance needs no more reminders: every open clock stops, with the cause recorded. */
@Injectable()
export class GrievanceWithdrawnHandler implements EventHandler<GrievanceWithdrawnV1> {
  readonly contract = GrievanceWithdrawn;

  async handle(event: EventEnvelope<GrievanceWithdrawnV1>, tx: EntityManager): Promise<void> {
    const at = new Date(event.data.withdrawnAt);
    const open = await tx.getRepository(Clock).createQueryBuilder('c')
      .where(`c.grievance_id = :id AND c.state <> 'stopped'`, { id: event.data.grievanceId }).setLock('pessimistic_write').getMany();
    for (const c of open) {
      await tx.update(Clock, { id: c.id }, {
        state: 'stopped',
        stoppedAt: at,
        nextAlarmAt: null,
        history: [...c.history, { at: at.toISOString(), change: 'stopped', cause: `${GrievanceWithdrawn.subject} ${event.id}` }],
      });
    }
  }
}
