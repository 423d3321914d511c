import type { EntityManager } from 'typeorm';
import type { EventContract, EventEnvelope } from '@yikouban/contracts';

/**
 * A consumer's effect for one event. It runs inside the transaction that also records the event
 * id in the inbox, so a redelivered event has no second effect. Write follow-up facts with
 * appendToOutbox(tx, …) on the same manager.
 */
export interface EventHandler<T extends object> {
  readonly contract: EventContract<T>;
  handle(event: EventEnvelope<T>, tx: EntityManager): Promise<void>;
}

/**
 * Thrown by a handler when the event can never be applied (e.g. it names a region that does not
 * exist). The event goes to the dead-letter subject instead of being retried.
 */
export class PermanentEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentEventError';
  }
}
