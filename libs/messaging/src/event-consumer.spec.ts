import { randomUUID } from 'node:crypto';
import type { JetStreamClient, JetStreamManager, JsMsg } from '@nats-io/jetstream';
import type { DataSource, EntityManager } from 'typeorm';
import { GrievanceWithdrawn, type EventEnvelope, type GrievanceWithdrawnV1 } from '@yikouban/contracts';
import { JsonLogger } from '@yikouban/observability';
import type { DeadLetters } from './dead-letter';
import { EventConsumer, type EventConsumerOptions } from './event-consumer';
import type { EventHandler } from './event-handler';
import { Namespace } from './naming';

/** PostgreSQL's error for a deadlock victim, as pg raises it. */
const deadlock = () => Object.assign(new Error('deadlock detected'), { code: '40P01' });

/**
 * An EventConsumer over a fake database that records every statement, a fake JetStream that hands
 * messages to the consumer's callback, and a handler that fails the first `failures` times.
 */
async function consumerWith(options: EventConsumerOptions, failures: unknown[]) {
  const statements: string[] = [];
  const queryRunner = {
    manager: {} as EntityManager,
    connect: async () => undefined,
    release: async () => undefined,
    startTransaction: async () => void statements.push('BEGIN'),
    commitTransaction: async () => void statements.push('COMMIT'),
    rollbackTransaction: async () => void statements.push('ROLLBACK'),
    query: async (sql: string, params: unknown[] = []) => {
      statements.push(sql.startsWith('SELECT pg_advisory_xact_lock') ? `LOCK ${String(params[0])}` : sql.split(' ').slice(0, 2).join(' '));
      return sql.startsWith('INSERT INTO inbox') ? [{ event_id: params[1] }] : [];
    },
  };
  const db = { createQueryRunner: () => queryRunner } as unknown as DataSource;
  let deliver!: (m: JsMsg) => void;
  const js = {
    consumers: { get: async () => ({ consume: async ({ callback }: { callback: (m: JsMsg) => void }) => ((deliver = callback), { close: async () => undefined }) }) },
  } as unknown as JetStreamClient;
  const jsm = { consumers: { info: async () => ({}) } } as unknown as JetStreamManager;
  const applied: string[] = [];
  const handler: EventHandler<GrievanceWithdrawnV1> = {
    contract: GrievanceWithdrawn,
    handle: async (event) => {
      const failure = failures.shift();
      if (failure) throw failure;
      applied.push(event.data.grievanceId);
    },
  };
  const logger = new JsonLogger('supervision', 'error', () => undefined);
  const consumer = new EventConsumer('supervision', handler, { db, js, jsm, ns: new Namespace('t1'), deadLetters: {} as DeadLetters, logger }, options);
  await consumer.start();
  return { consumer, statements, applied, deliver: (m: JsMsg) => deliver(m) };
}

function aMessage() {
  const envelope: EventEnvelope<GrievanceWithdrawnV1> = {
    id: randomUUID(),
    type: GrievanceWithdrawn.subject,
    v: 1,
    occurredAt: new Date().toISOString(),
    data: { grievanceId: randomUUID(), trackingCode: '330621-26-2223G', reason: '问题已自行解决', withdrawnAt: new Date().toISOString() },
  };
  const acks: string[] = [];
  const msg = {
    subject: `t1.${GrievanceWithdrawn.subject}`,
    info: { deliveryCount: 1 },
    headers: undefined,
    json: () => envelope,
    ack: () => void acks.push('ack'),
    nak: (delay?: number) => void acks.push(`nak ${delay}`),
  } as unknown as JsMsg;
  return { msg, acks, envelope };
}

describe('EventConsumer under contention', () => {
  it('retries a batch chosen as a deadlock victim in process, and acks it once applied', async () => {
    const { consumer, statements, applied, deliver } = await consumerWith({}, [deadlock()]);
    const { msg, acks, envelope } = aMessage();
    deliver(msg);
    await consumer.stop();
    expect(applied).toEqual([envelope.data.grievanceId]);
    expect(acks).toEqual(['ack']);
    expect(statements.filter((s) => s === 'BEGIN' || s === 'ROLLBACK' || s === 'COMMIT')).toEqual(['BEGIN', 'ROLLBACK', 'BEGIN', 'COMMIT']);
  });

  it('gives up after three deadlocks in a row and hands the batch back for redelivery', async () => {
    const { consumer, applied, deliver } = await consumerWith({}, [deadlock(), deadlock(), deadlock()]);
    const { msg, acks } = aMessage();
    deliver(msg);
    await consumer.stop();
    expect(applied).toEqual([]);
    expect(acks).toEqual(['nak 1000']);
  });

  it('does not retry other failures in process', async () => {
    const { consumer, statements, deliver } = await consumerWith({}, [new Error('connection reset')]);
    const { msg, acks } = aMessage();
    deliver(msg);
    await consumer.stop();
    expect(acks).toEqual(['nak 1000']);
    expect(statements.filter((s) => s === 'BEGIN')).toHaveLength(1);
  });

  it('takes the batch lock before anything else in the transaction', async () => {
    const { consumer, statements, deliver } = await consumerWith({ batchLock: 'supervision:events' }, []);
    deliver(aMessage().msg);
    await consumer.stop();
    expect(statements.slice(0, 3)).toEqual(['BEGIN', 'LOCK supervision:events', 'INSERT INTO']);
  });
});
