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
  const row: OutboxRow = [envelope.id, contract.subject, JSON.stringify(envelope), envelope.correlationId ?? null];
  const collector = collectors.get(keyOf(tx));
  if (collector) collector.wrote = true;
  if (collector?.deferred) collector.rows.push(row);
  else await tx.query('INSERT INTO outbox (id, subject, payload, correlation_id) VALUES ($1, $2, $3, $4)', row);
  return envelope;
}

type OutboxRow = [id: string, subject: string, payload: string, correlationId: string | null];

/** The transaction's identity: its query runner (one per transaction), else the manager itself. */
const keyOf = (tx: EntityManager): object => tx.queryRunner ?? tx;
const collectors = new WeakMap<object, OutboxCollector>();

/**
 * The outbox rows of one batch transaction (EventConsumer). Deferred, the rows wait in memory and
 * go in with one multi-row INSERT just before the commit, instead of one statement (a round trip)
 * per fact; either way it records whether the transaction wrote to the outbox at all, so the relay
 * is only woken when there is something to publish. Outside such a transaction appendToOutbox
 * inserts at once, as before.
 */
export class OutboxCollector {
  readonly rows: OutboxRow[] = [];
  wrote = false;

  private constructor(
    private readonly key: object,
    readonly deferred: boolean,
  ) {}

  /** Starts collecting for the transaction `tx` (until close()). */
  static open(tx: EntityManager, deferred: boolean): OutboxCollector {
    const collector = new OutboxCollector(keyOf(tx), deferred);
    collectors.set(collector.key, collector);
    return collector;
  }

  /** Writes the deferred rows, in the order they were appended, in one statement. */
  async flush(tx: EntityManager): Promise<void> {
    if (this.rows.length === 0) return;
    const rows = this.rows.splice(0);
    await tx.query(
      `INSERT INTO outbox (id, subject, payload, correlation_id)
       SELECT id, subject, payload::jsonb, correlation_id FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS r(id, subject, payload, correlation_id, n) ORDER BY n`,
      [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3])],
    );
  }

  close(): void {
    if (collectors.get(this.key) === this) collectors.delete(this.key);
  }
}
