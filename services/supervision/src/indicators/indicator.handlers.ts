import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AssignmentAccepted, DeadlineBreached, type AssignmentAcceptedV1, type DeadlineBreachedV1, type EventEnvelope } from '@yikouban/contracts';
import type { EventHandler } from '@yikouban/messaging';
import { REGISTRATION_STEP } from '../clock/deadline-planner';
import { bump, readCase } from './case-tally';

/** The lead unit signed for its assignment (签收): a response (响应率). */
@Injectable()
export class ResponseTallyHandler implements EventHandler<AssignmentAcceptedV1> {
  readonly contract = AssignmentAccepted;
  async handle(e: EventEnvelope<AssignmentAcceptedV1>, tx: EntityManager): Promise<void> {
    if (e.data.role !== 'lead') return;
    const c = await readCase(tx, e.data.grievanceId);
    // Its assignment.created is on another consumer and may not be applied yet: retry (redelivery)
    // rather than count the response where the region is unknown.
    if (!c.regionCode) throw new Error(`case ${e.data.grievanceId} not placed yet; retrying`);
    await bump(tx, new Date(e.data.at), { ...c, orgCode: e.data.orgCode }, { responded: 1 });
  }
}

/**
 * A clock of a grievance ran out (supervision's own fact, read back from its stream so the
 * projection is fed by events alone): counted once, at the first step of the escalation chain.
 * A registration breach (第二十二条) is the petition office's, before any unit had the case: it
 * counts under no unit even when the fact is read after the late assignment placed the case.
 */
@Injectable()
export class BreachTallyHandler implements EventHandler<DeadlineBreachedV1> {
  readonly contract = DeadlineBreached;
  async handle(e: EventEnvelope<DeadlineBreachedV1>, tx: EntityManager): Promise<void> {
    if (e.data.escalationLevel !== 1) return;
    const c = await readCase(tx, e.data.grievanceId);
    await bump(tx, new Date(e.data.dueAt), e.data.step === REGISTRATION_STEP ? { ...c, orgCode: '' } : c, { breached: 1 });
  }
}
