import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { EventContract, EventEnvelope } from '@yikouban/contracts';
import { currentCorrelationId } from '@yikouban/observability';

/**
 * Writes a fact into the service's outbox inside the caller's transaction: the event exists
 * exactly when the change that caused it exists (DESIGN: nothing lost, nothing twice).
 */
export async function appendToOutbox<T extends object>(
  tx: EntityManager,
  contract: EventContract<T>,
  data: T,
  options: { id?: string; occurredAt?: Date } = {},
): Promise<EventEnvelope<T>> {
  const envelope: EventEnvelope<T> = {
    id: options.id ?? randomUUID(),
    type: contract.subject,
    v: contract.version,
    occurredAt: (options.occurredAt ?? new Date()).toISOString(),
    correlationId: currentCorrelationId(),
    data,
  };
  await tx.query('INSERT INTO outbox (id, subject, payload, correlation_id) VALUES ($1, $2, $3, $4)', [
    envelope.id,
    contract.subject,
    JSON.stringify(envelope),
    envelope.correlationId ?? null,
  ]);
  return envelope;
}
