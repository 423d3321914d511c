import type { DataSource, QueryRunner } from 'typeorm';
import { AckPolicy, DeliverPolicy, type ConsumerMessages, type JetStreamClient, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';
import { validateEnvelope, type EventEnvelope, type ServiceName } from '@yikouban/contracts';
import { CORRELATION_HEADER, withCorrelation, type JsonLogger } from '@yikouban/observability';
import { BatchTurns } from './batch-turns';
import type { DeadLetters } from './dead-letter';
import type { EventHandler } from './event-handler';
import { PermanentEventError } from './event-handler';
import type { Namespace } from './naming';
import { OutboxCollector } from './outbox';
import { isNotFound } from './streams';

export interface EventConsumerOptions {
  /** Most messages applied in one transaction. */
  maxBatch?: number;
  /** After this many deliveries a failing message is dead-lettered rather than retried again. */
  maxDeliveries?: number;
  ackWaitMs?: number;
  /** Fault injection (tests only): pause between commit and ack. */
  pauseBeforeAckMs?: number;
  /**
   * A name every batch transaction takes a transaction-scoped advisory lock on first. Consumers of
   * one service that update the same hot rows (counters, projections) in differing orders would
   * otherwise deadlock, and each deadlock costs PostgreSQL's deadlock_timeout and a redelivery.
   * Within a process the consumers take turns at it, the batch holding the oldest message first (BatchTurns).
   */
  batchLock?: string;
  /**
   * Starts a batch only after the messages already read from the socket have all been queued (one
   * turn of the event loop): facts published together (a triage's assignments) then share one
   * transaction instead of the first going alone. No waiting on a timer.
   */
  gatherTurn?: boolean;
}

/** PostgreSQL gave up on the transaction (deadlock, serialization failure): trying again is safe. */
const RETRYABLE_SQLSTATES = new Set(['40P01', '40001']);
const IN_PROCESS_ATTEMPTS = 3;

/** An event of a batch applied without savepoints must be dead-lettered: apply the batch again, isolated. */
class NeedsIsolation extends Error {}

/** PostgreSQL reports the transaction failed (status E at the last statement's end), as pg's client tracks it. */
function transactionFailed(qr: QueryRunner): boolean {
  const connection = (qr as unknown as { databaseConnection?: { getTransactionStatus?: () => string | null } }).databaseConnection;
  return connection?.getTransactionStatus?.() === 'E';
}

type Decoded = { msg: JsMsg; envelope: EventEnvelope<object> };
/** A committed batch: the events to dead-letter, and whether it wrote to the outbox. */
type Applied = { rejected: Map<JsMsg, string>; wroteOutbox: boolean };

/**
 * A durable pull consumer for one subject. Messages are gathered into micro-batches (whatever
 * arrived while the previous batch was being applied) and applied in one transaction together
 * with their inbox rows; acks follow the commit. Invalid messages go to the dead-letter subject
 * and are acked; a transient failure naks the batch for redelivery.
 */
export class EventConsumer<T extends object> {
  private messages?: ConsumerMessages;
  private queue: JsMsg[] = [];
  private draining?: Promise<void>;
  private stopped = false;
  readonly durable: string;

  constructor(
    service: ServiceName,
    private readonly handler: EventHandler<T>,
    private readonly deps: { db: DataSource; js: JetStreamClient; jsm: JetStreamManager; ns: Namespace; deadLetters: DeadLetters; logger: JsonLogger; onCommitted?: () => void },
    private readonly options: EventConsumerOptions = {},
  ) {
    this.durable = deps.ns.durable(service, handler.contract.subject);
  }

  async start(): Promise<void> {
    const { jsm, js, ns } = this.deps;
    const stream = ns.stream(this.handler.contract.owner);
    const config = {
      durable_name: this.durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: ns.subject(this.handler.contract.subject),
      ack_wait: (this.options.ackWaitMs ?? 30_000) * 1_000_000,
      max_ack_pending: 4096,
    };
    try {
      await jsm.consumers.info(stream, this.durable);
    } catch (err) {
      if (!isNotFound(err)) throw err;
      await jsm.consumers.add(stream, config);
    }
    const consumer = await js.consumers.get(stream, this.durable);
    this.messages = await consumer.consume({ max_messages: 512, callback: (m) => this.enqueue(m) });
  }

  /** Stops pulling, finishes the batch in hand, and hands unstarted messages back for redelivery. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.messages?.close().catch(() => undefined);
    await this.draining;
    for (const m of this.queue.splice(0)) m.nak();
  }

  private enqueue(m: JsMsg): void {
    if (this.stopped) {
      m.nak();
      return;
    }
    this.queue.push(m);
    if (!this.draining) this.draining = this.drain().finally(() => (this.draining = undefined));
  }

  private async drain(): Promise<void> {
    if (this.options.gatherTurn) await new Promise((resolve) => setImmediate(resolve));
    while (this.queue.length > 0 && !this.stopped) {
      const batch = this.queue.splice(0, this.options.maxBatch ?? 256);
      await this.applyBatch(batch);
    }
  }

  private async applyBatch(batch: JsMsg[]): Promise<void> {
    const valid: Decoded[] = [];
    for (const msg of batch) {
      const decoded = await this.decode(msg);
      if (typeof decoded === 'string') await this.deadLetter(msg, decoded);
      else valid.push(decoded);
    }
    if (valid.length === 0) return;
    const lock = this.options.batchLock;
    const oldest = Math.min(...valid.map(({ msg }) => msg.info.timestampNanos));
    const applied = lock ? await BatchTurns.named(lock).run(oldest, () => this.applyWithRetries(valid)) : await this.applyWithRetries(valid);
    if (!applied) {
      for (const { msg } of valid) msg.nak(1000);
      return;
    }
    const { rejected } = applied;
    // Only a batch that wrote facts wakes the relay: an empty claim is a transaction for nothing.
    if (applied.wroteOutbox) this.deps.onCommitted?.();
    if (this.options.pauseBeforeAckMs) {
      this.deps.logger.event('warn', 'fault injection: committed, pausing before ack', { durable: this.durable, size: valid.length }, 'EventConsumer');
      await new Promise((r) => setTimeout(r, this.options.pauseBeforeAckMs));
    }
    for (const { msg } of valid) {
      const reason = rejected.get(msg);
      if (reason) await this.deadLetter(msg, reason);
      else msg.ack();
    }
  }

  /** Applies the batch, again in process when PostgreSQL gave up on it; undefined when it failed (to redeliver). */
  private async applyWithRetries(valid: Decoded[]): Promise<Applied | undefined> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.applyInTransaction(valid);
      } catch (err) {
        const retryable = RETRYABLE_SQLSTATES.has((err as { code?: string }).code ?? '');
        if (retryable && attempt < IN_PROCESS_ATTEMPTS) continue;
        this.deps.logger.event('warn', 'batch failed; redelivering', { error: (err as Error).message, size: valid.length, durable: this.durable }, 'EventConsumer');
        return undefined;
      }
    }
  }

  /**
   * Applies the batch and its inbox rows in one transaction; returns the events to dead-letter.
   * A batch normally applies whole, without a savepoint per event (two round trips each). When an
   * event must be dead-lettered, the batch is rolled back and applied again with a savepoint
   * around each event, so only that event is rejected and the others keep their effect.
   */
  private async applyInTransaction(valid: Decoded[]): Promise<Applied> {
    try {
      return await this.transaction(valid, false);
    } catch (err) {
      if (!(err instanceof NeedsIsolation)) throw err;
      return this.transaction(valid, true);
    }
  }

  private async transaction(valid: Decoded[], isolate: boolean): Promise<Applied> {
    const rejected = new Map<JsMsg, string>();
    const qr = this.deps.db.createQueryRunner();
    // The batch's facts go to the outbox in one statement before the commit; isolated (savepoint
    // per event), each event's facts are written with it, so a rolled-back event leaves none.
    const outbox = OutboxCollector.open(qr.manager, !isolate);
    try {
      await qr.connect();
      await qr.startTransaction();
      if (this.options.batchLock) await qr.query('SELECT pg_advisory_xact_lock(hashtext($1))', [this.options.batchLock]);
      for (const item of await this.claimInbox(qr, valid)) {
        const reason = isolate ? await this.applyIsolated(qr, item) : await this.applyInBatch(qr, item);
        if (reason) rejected.set(item.msg, reason);
      }
      // A handler caught a statement's error: COMMIT would roll back without a word. Isolated, the
      // event's savepoint release fails and tells which one.
      if (!isolate && transactionFailed(qr)) throw new NeedsIsolation();
      await this.flushOutbox(qr, outbox);
      await qr.commitTransaction();
      return { rejected, wroteOutbox: outbox.wrote };
    } catch (err) {
      await qr.rollbackTransaction().catch(() => undefined);
      throw err;
    } finally {
      outbox.close();
      await qr.release();
    }
  }

  /**
   * Writes the batch's deferred facts. Should that fail (say, a fact id written before), which
   * event caused it is unknown: the batch runs again isolated, where each event writes its own.
   */
  private async flushOutbox(qr: QueryRunner, outbox: OutboxCollector): Promise<void> {
    if (outbox.rows.length === 0) return;
    try {
      await outbox.flush(qr.manager);
    } catch (err) {
      if (transactionFailed(qr)) throw new NeedsIsolation();
      throw err;
    }
  }

  /**
   * Records the batch's events in the inbox (one statement) and returns those not applied before,
   * in arrival order and each once: a redelivered event has no second effect.
   */
  private async claimInbox(qr: QueryRunner, valid: Decoded[]): Promise<Decoded[]> {
    const inserted = (await qr.query(
      'INSERT INTO inbox (consumer, event_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING RETURNING event_id',
      [this.durable, valid.map((v) => v.envelope.id)],
    )) as { event_id: string }[];
    // PostgreSQL answers uuids in lower case; an envelope may carry upper case.
    const fresh = new Set(inserted.map((r) => String(r.event_id).toLowerCase()));
    return valid.filter((v) => fresh.delete(v.envelope.id.toLowerCase()));
  }

  /** Applies one event of a batch without a savepoint: an event to dead-letter makes the batch run again isolated. */
  private async applyInBatch(qr: QueryRunner, item: Decoded): Promise<undefined> {
    try {
      await this.handle(qr, item);
      return undefined;
    } catch (err) {
      if (this.rejection(item.msg, err)) throw new NeedsIsolation();
      throw err;
    }
  }

  /** Applies one event under a savepoint; returns a reason when the event must be dead-lettered. */
  private async applyIsolated(qr: QueryRunner, item: Decoded): Promise<string | undefined> {
    await qr.query('SAVEPOINT ykb_event');
    try {
      await this.handle(qr, item);
      await qr.query('RELEASE SAVEPOINT ykb_event');
      return undefined;
    } catch (err) {
      await qr.query('ROLLBACK TO SAVEPOINT ykb_event');
      // The inbox row stays, so the event stays applied-as-rejected; it is dead-lettered after commit.
      const reason = this.rejection(item.msg, err);
      if (reason) return reason;
      throw err;
    }
  }

  private async handle(qr: QueryRunner, { msg, envelope }: Decoded): Promise<void> {
    const correlation = msg.headers?.get(CORRELATION_HEADER) || envelope.correlationId;
    await withCorrelation(correlation, () => this.handler.handle(envelope as EventEnvelope<T>, qr.manager));
  }

  /** Why a failed event is dead-lettered rather than retried: it can never apply, or it failed too often. */
  private rejection(msg: JsMsg, err: unknown): string | undefined {
    if (err instanceof PermanentEventError) return `rejected: ${err.message}`;
    if (msg.info.deliveryCount >= (this.options.maxDeliveries ?? 5)) return `failed ${msg.info.deliveryCount} times: ${(err as Error).message}`;
    return undefined;
  }

  private async decode(msg: JsMsg): Promise<Decoded | string> {
    let raw: unknown;
    try {
      raw = msg.json();
    } catch {
      return 'payload is not JSON';
    }
    const result = await validateEnvelope(this.handler.contract, raw);
    return result.ok ? { msg, envelope: result.value } : `invalid ${this.handler.contract.subject}: ${result.reason}`;
  }

  private async deadLetter(msg: JsMsg, reason: string): Promise<void> {
    this.deps.logger.event('warn', 'dead-lettered', { reason, subject: msg.subject, durable: this.durable }, 'EventConsumer');
    try {
      await this.deps.deadLetters.send(msg, reason);
      msg.ack();
    } catch (err) {
      this.deps.logger.event('error', 'dead-letter publish failed; redelivering', { error: (err as Error).message }, 'EventConsumer');
      msg.nak(1000);
    }
  }
}
