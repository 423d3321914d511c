import type { DataSource, QueryRunner } from 'typeorm';
import { AckPolicy, DeliverPolicy, type ConsumerMessages, type JetStreamClient, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';
import { validateEnvelope, type EventEnvelope, type ServiceName } from '@yikouban/contracts';
import { CORRELATION_HEADER, withCorrelation, type JsonLogger } from '@yikouban/observability';
import type { DeadLetters } from './dead-letter';
import type { EventHandler } from './event-handler';
import { PermanentEventError } from './event-handler';
import type { Namespace } from './naming';
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
   */
  batchLock?: string;
}

/** PostgreSQL gave up on the transaction (deadlock, serialization failure): trying again is safe. */
const RETRYABLE_SQLSTATES = new Set(['40P01', '40001']);
const IN_PROCESS_ATTEMPTS = 3;

type Decoded = { msg: JsMsg; envelope: EventEnvelope<object> };

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
    let rejected: Map<JsMsg, string> | undefined;
    for (let attempt = 1; !rejected; attempt++) {
      try {
        rejected = await this.applyInTransaction(valid);
      } catch (err) {
        const retryable = RETRYABLE_SQLSTATES.has((err as { code?: string }).code ?? '');
        if (retryable && attempt < IN_PROCESS_ATTEMPTS) continue;
        this.deps.logger.event('warn', 'batch failed; redelivering', { error: (err as Error).message, size: valid.length, durable: this.durable }, 'EventConsumer');
        for (const { msg } of valid) msg.nak(1000);
        return;
      }
    }
    this.deps.onCommitted?.();
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

  /** Applies the batch and its inbox rows in one transaction; returns the events to dead-letter. */
  private async applyInTransaction(valid: Decoded[]): Promise<Map<JsMsg, string>> {
    const rejected = new Map<JsMsg, string>();
    const qr = this.deps.db.createQueryRunner();
    try {
      await qr.connect();
      await qr.startTransaction();
      if (this.options.batchLock) await qr.query('SELECT pg_advisory_xact_lock(hashtext($1))', [this.options.batchLock]);
      for (const item of valid) {
        const reason = await this.applyOne(qr, item);
        if (reason) rejected.set(item.msg, reason);
      }
      await qr.commitTransaction();
      return rejected;
    } catch (err) {
      await qr.rollbackTransaction().catch(() => undefined);
      throw err;
    } finally {
      await qr.release();
    }
  }

  /** Applies one event under a savepoint; returns a reason when the event must be dead-lettered. */
  private async applyOne(qr: QueryRunner, { msg, envelope }: Decoded): Promise<string | undefined> {
    const inserted: unknown[] = await qr.query(
      'INSERT INTO inbox (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id',
      [this.durable, envelope.id],
    );
    if (inserted.length === 0) return undefined; // already applied: a redelivery, no second effect
    await qr.query('SAVEPOINT ykb_event');
    try {
      const correlation = msg.headers?.get(CORRELATION_HEADER) || envelope.correlationId;
      await withCorrelation(correlation, () => this.handler.handle(envelope as EventEnvelope<T>, qr.manager));
      await qr.query('RELEASE SAVEPOINT ykb_event');
      return undefined;
    } catch (err) {
      await qr.query('ROLLBACK TO SAVEPOINT ykb_event');
      const poisoned = msg.info.deliveryCount >= (this.options.maxDeliveries ?? 5);
      if (err instanceof PermanentEventError || poisoned) {
        // Keep the inbox row so the event stays applied-as-rejected, and dead-letter it after commit.
        return `${err instanceof PermanentEventError ? 'rejected' : `failed ${msg.info.deliveryCount} times`}: ${(err as Error).message}`;
      }
      throw err;
    }
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
