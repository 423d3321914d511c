import { randomUUID } from 'node:crypto';
import type { JetStreamClient, JetStreamManager, JsMsg } from '@nats-io/jetstream';
import type { DataSource, EntityManager } from 'typeorm';
import { GrievanceWithdrawn, type EventEnvelope, type GrievanceWithdrawnV1 } from '@yikouban/contracts';
import { JsonLogger } from '@yikouban/observability';
import type { DeadLetters } from './dead-letter';
import { EventConsumer, type EventConsumerOptions } from './event-consumer';
import { PermanentEventError, type EventHandler } from './event-handler';
import { Namespace } from './naming';
import { appendToOutbox } from './outbox';

/** PostgreSQL's error for a deadlock victim, as pg raises it. */
const deadlock = () => Object.assign(new Error('deadlock detected'), { code: '40P01' });

/**
 * An EventConsumer over a fake database that records every statement and keeps an inbox that
 * commits and rolls back, a fake JetStream that hands messages to the consumer's callback, and a
 * handler that fails the first `failures` times (or, given a function, for the events it names).
 */
async function consumerWith(options: EventConsumerOptions, failures: unknown[] | ((e: EventEnvelope<GrievanceWithdrawnV1>) => unknown)) {
  const statements: string[] = [];
  const inbox = new Set<string>();
  let claimed: string[] = [];
  // As pg's client: 'E' once a statement failed in the transaction, until it (or a savepoint) is rolled back.
  const connection = { status: 'I', getTransactionStatus: () => connection.status };
  const queryRunner = {
    databaseConnection: connection,
    manager: {
      failStatement: () => void (connection.status = 'E'),
      query: (sql: string, params?: unknown[]) => queryRunner.query(sql, params),
    } as unknown as EntityManager,
    connect: async () => undefined,
    release: async () => undefined,
    startTransaction: async () => {
      statements.push('BEGIN');
      connection.status = 'T';
    },
    commitTransaction: async () => {
      statements.push(connection.status === 'E' ? 'COMMIT (rolls back)' : 'COMMIT');
      if (connection.status !== 'E') for (const id of claimed.splice(0)) inbox.add(id);
      connection.status = 'I';
    },
    rollbackTransaction: async () => {
      statements.push('ROLLBACK');
      claimed = [];
      connection.status = 'I';
    },
    query: async (sql: string, params: unknown[] = []) => {
      if (sql.startsWith('INSERT INTO outbox')) statements.push(`OUTBOX ${sql.includes('unnest') ? (params[0] as unknown[]).length : 1}`);
      else statements.push(sql.startsWith('SELECT pg_advisory_xact_lock') ? `LOCK ${String(params[0])}` : sql.split(' ').slice(0, 2).join(' '));
      if (sql.startsWith('ROLLBACK TO SAVEPOINT')) connection.status = 'T';
      else if (connection.status === 'E') throw Object.assign(new Error('current transaction is aborted'), { code: '25P02' });
      if (!sql.startsWith('INSERT INTO inbox')) return [];
      // As PostgreSQL: ids in lower case, each once, none already recorded.
      const fresh = [...new Set((params[1] as string[]).map((id) => id.toLowerCase()))].filter((id) => !inbox.has(id) && !claimed.includes(id));
      claimed.push(...fresh);
      return fresh.map((event_id) => ({ event_id }));
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
    handle: async (event, tx) => {
      const failure = typeof failures === 'function' ? failures(event) : failures.shift();
      if (failure === 'caught') return void (tx as unknown as { failStatement: () => void }).failStatement();
      if (failure === 'outbox') await appendToOutbox(tx, GrievanceWithdrawn, event.data);
      else if (failure) throw failure;
      applied.push(event.data.grievanceId);
    },
  };
  const deadLettered: string[] = [];
  const deadLetters = { send: async (_msg: JsMsg, reason: string) => void deadLettered.push(reason) } as unknown as DeadLetters;
  const logger = new JsonLogger('supervision', 'error', () => undefined);
  const commits = { woke: 0 };
  const consumer = new EventConsumer('supervision', handler, { db, js, jsm, ns: new Namespace('t1'), deadLetters, logger, onCommitted: () => void commits.woke++ }, options);
  await consumer.start();
  return { consumer, statements, applied, deadLettered, commits, deliver: (m: JsMsg) => deliver(m) };
}

function aMessage(id: string = randomUUID()) {
  const envelope: EventEnvelope<GrievanceWithdrawnV1> = {
    id,
    type: GrievanceWithdrawn.subject,
    v: 1,
    occurredAt: new Date().toISOString(),
    data: { grievanceId: randomUUID(), trackingCode: '330621-26-2223G', reason: '问题已自行解决', withdrawnAt: new Date().toISOString() },
  };
  const acks: string[] = [];
  const msg = {
    subject: `t1.${GrievanceWithdrawn.subject}`,
    info: { deliveryCount: 1, timestampNanos: Date.now() * 1e6 },
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

/** Lets the consumer work until every message given has its answer (stop() would hand queued ones back). */
async function answered(...messages: { acks: string[] }[]): Promise<void> {
  for (let turns = 0; messages.some((m) => m.acks.length === 0); turns++) {
    if (turns > 1000) throw new Error('messages left unanswered');
    await new Promise((r) => setImmediate(r));
  }
}

describe('EventConsumer batches', () => {
  it('applies a batch in one transaction: one inbox statement, no savepoint per event', async () => {
    const { consumer, statements, applied, deliver } = await consumerWith({}, []);
    const first = aMessage();
    deliver(first.msg); // the first batch; the rest arrive while it is applied
    const rest = [aMessage(), aMessage(), aMessage()];
    for (const m of rest) deliver(m.msg);
    await answered(first, ...rest);
    await consumer.stop();
    expect(applied).toEqual([first, ...rest].map((m) => m.envelope.data.grievanceId));
    expect(statements).toEqual(['BEGIN', 'INSERT INTO', 'COMMIT', 'BEGIN', 'INSERT INTO', 'COMMIT']);
    expect([first, ...rest].flatMap((m) => m.acks)).toEqual(['ack', 'ack', 'ack', 'ack']);
  });

  it('dead-letters only the rejected event and keeps the effect of the others in its batch', async () => {
    const bad = aMessage();
    const { consumer, statements, applied, deadLettered, deliver } = await consumerWith({}, (e) =>
      e.id === bad.envelope.id ? new PermanentEventError('names no grievance') : undefined,
    );
    const first = aMessage();
    deliver(first.msg);
    const before = aMessage();
    const after = aMessage();
    for (const m of [before, bad, after]) deliver(m.msg);
    await answered(first, before, bad, after);
    await consumer.stop();
    // The batch ran once whole (rolled back at the bad event), then again with a savepoint per event.
    expect(statements.slice(3)).toEqual([
      'BEGIN', 'INSERT INTO', 'ROLLBACK',
      'BEGIN', 'INSERT INTO', 'SAVEPOINT ykb_event', 'RELEASE SAVEPOINT', 'SAVEPOINT ykb_event', 'ROLLBACK TO', 'SAVEPOINT ykb_event', 'RELEASE SAVEPOINT', 'COMMIT',
    ]);
    expect(applied.slice(-2)).toEqual([before.envelope.data.grievanceId, after.envelope.data.grievanceId]);
    expect(deadLettered).toEqual(['rejected: names no grievance']);
    expect([before, bad, after].map((m) => m.acks)).toEqual([['ack'], ['ack'], ['ack']]);
  });

  it('applies an event delivered twice in one batch once, and a redelivery of an applied event not again', async () => {
    const { consumer, applied, deliver } = await consumerWith({}, []);
    const first = aMessage();
    deliver(first.msg);
    // Upper case: PostgreSQL answers the inbox's uuids in lower case.
    const twice = aMessage(randomUUID().toUpperCase());
    deliver(twice.msg);
    deliver(twice.msg);
    await answered(first, twice);
    const again = { ...twice, msg: { ...twice.msg, ack: () => void again.acks.push('ack') } as JsMsg, acks: [] as string[] };
    deliver(again.msg); // a later batch: applied already
    await answered(again);
    await consumer.stop();
    expect(applied.filter((g) => g === twice.envelope.data.grievanceId)).toHaveLength(1);
    expect([twice.acks, again.acks]).toEqual([['ack', 'ack'], ['ack']]);
  });

  it('never acks a batch whose transaction failed under a handler that caught the error', async () => {
    const swallower = aMessage();
    const { consumer, statements, deliver } = await consumerWith({}, (e) => (e.id === swallower.envelope.id ? 'caught' : undefined));
    const first = aMessage();
    deliver(first.msg);
    const other = aMessage();
    deliver(other.msg);
    deliver(swallower.msg); // last of its batch: nothing after it would fail
    await answered(first, other, swallower);
    await consumer.stop();
    expect(statements).not.toContain('COMMIT (rolls back)');
    expect([other.acks, swallower.acks]).toEqual([['nak 1000'], ['nak 1000']]);
  });
});

describe('EventConsumer and the outbox', () => {
  it("writes a batch's facts in one statement before the commit, and wakes the relay once", async () => {
    const { consumer, statements, commits, deliver } = await consumerWith({}, () => 'outbox');
    const first = aMessage();
    deliver(first.msg);
    const rest = [aMessage(), aMessage(), aMessage()];
    for (const m of rest) deliver(m.msg);
    await answered(first, ...rest);
    await consumer.stop();
    expect(statements).toEqual(['BEGIN', 'INSERT INTO', 'OUTBOX 1', 'COMMIT', 'BEGIN', 'INSERT INTO', 'OUTBOX 3', 'COMMIT']);
    expect(commits.woke).toBe(2);
  });

  it('does not wake the relay after a batch that wrote no facts', async () => {
    const { consumer, commits, deliver } = await consumerWith({}, []);
    const m = aMessage();
    deliver(m.msg);
    await answered(m);
    await consumer.stop();
    expect(m.acks).toEqual(['ack']);
    expect(commits.woke).toBe(0);
  });

  it('isolated, writes each event\'s facts inside its savepoint, so a rejected event leaves none', async () => {
    const bad = aMessage();
    const { consumer, statements, deadLettered, deliver } = await consumerWith({}, (e) => (e.id === bad.envelope.id ? new PermanentEventError('names no grievance') : 'outbox'));
    const first = aMessage();
    deliver(first.msg);
    const after = aMessage();
    for (const m of [bad, after]) deliver(m.msg);
    await answered(first, bad, after);
    await consumer.stop();
    expect(statements.slice(4)).toEqual([
      'BEGIN', 'INSERT INTO', 'ROLLBACK',
      'BEGIN', 'INSERT INTO', 'SAVEPOINT ykb_event', 'ROLLBACK TO', 'SAVEPOINT ykb_event', 'OUTBOX 1', 'RELEASE SAVEPOINT', 'COMMIT',
    ]);
    expect(deadLettered).toEqual(['rejected: names no grievance']);
  });
});

describe('EventConsumer gathering a turn', () => {
  it('puts messages read together into one batch rather than starting with the first alone', async () => {
    const { consumer, statements, applied, deliver } = await consumerWith({ gatherTurn: true }, []);
    const together = [aMessage(), aMessage(), aMessage()];
    for (const m of together) deliver(m.msg);
    await answered(...together);
    await consumer.stop();
    expect(statements).toEqual(['BEGIN', 'INSERT INTO', 'COMMIT']);
    expect(applied).toEqual(together.map((m) => m.envelope.data.grievanceId));
  });
});
