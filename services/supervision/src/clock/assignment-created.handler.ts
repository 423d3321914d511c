import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AssignmentCreated, ClockStarted, type AssignmentCreatedV1, type EventEnvelope } from '@yikouban/contracts';
import { appendToOutbox, type EventHandler } from '@yikouban/messaging';
import { Clock } from './clock.entity';
import { nextAlarm } from './alarm-schedule';
import { HANDLING_POLICY, handlingDueAt } from './handling-deadline';

/** The lead unit's assignment starts the handling clock. */
@Injectable()
export class AssignmentCreatedHandler implements EventHandler<AssignmentCreatedV1> {
  readonly contract = AssignmentCreated;

  async handle(event: EventEnvelope<AssignmentCreatedV1>, tx: EntityManager): Promise<void> {
    const a = event.data;
    if (a.role !== 'lead') return;
    const startedAt = new Date(a.createdAt);
    const clock: Clock = {
      id: randomUUID(),
      grievanceId: a.grievanceId,
      subjectId: a.assignmentId,
      step: HANDLING_POLICY.step,
      policyCode: HANDLING_POLICY.code,
      state: 'running',
      startedAt,
      dueAt: handlingDueAt(startedAt),
      history: [{ at: startedAt.toISOString(), change: 'started', cause: `${AssignmentCreated.subject} ${event.id}` }],
      warnShares: [...HANDLING_POLICY.warnShares],
      warningsSent: 0,
      escalationLevel: 0,
      nextAlarmAt: null,
      stoppedAt: null,
    };
    clock.nextAlarmAt = nextAlarm(clock)?.at ?? null;
    await tx.insert(Clock, clock);
    await appendToOutbox(tx, ClockStarted, {
      clockId: clock.id,
      grievanceId: clock.grievanceId,
      policyCode: clock.policyCode,
      step: clock.step,
      startedAt: clock.startedAt.toISOString(),
      dueAt: clock.dueAt.toISOString(),
    });
  }
}
