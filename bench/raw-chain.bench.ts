/**
 * The DESIGN's hand-written baseline: the pipeline's shape with none of the framework. A producer
 * writes a row and publishes (intake's POST), then two hops each consume from JetStream, write a
 * row in one transaction per message and publish the next fact (routing, then supervision); the
 * last fact stands for "clock started". Same number of hops as intake → routing → supervision.
 * Each hop works on up to --parallel messages at once (as a plain worker pool would).
 * Measures the producer's write+publish latency and start → last fact latency (p50 / p99).
 *
 * Runs on a throw-away stream and database (created, then dropped), on loopback only:
 *   node -r ./scripts/register-paths.cjs dist/bench/raw-chain.bench.js --rate 300 --seconds 20
 */
import { randomUUID } from 'node:crypto';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, StorageType, type JsMsg } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { Client, Pool } from 'pg';
import { arg, percentile, sendAtRate } from './support/cli';

const HOPS = 2;
const DATABASE = 'ykb_raw_chain_bench';

async function main(): Promise<void> {
  const rate = arg('rate', 100);
  const seconds = Math.min(arg('seconds', 10), 120);
  const parallel = Math.max(1, Math.min(arg('parallel', 8), 64));
  const pgUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
  const tag = `rawchain${process.pid}`;

  const admin = new Client({ connectionString: `${pgUrl}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE}`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  const pool = new Pool({ connectionString: `${pgUrl}/${DATABASE}`, max: 10 });
  await pool.query('CREATE TABLE fact (id uuid PRIMARY KEY, hop int NOT NULL, payload jsonb NOT NULL, at timestamptz NOT NULL DEFAULT now())');

  const nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
  const jsm = await jetstreamManager(nc);
  const js = jetstream(nc);
  const stream = tag.toUpperCase();
  const subject = (hop: number) => `${tag}.hop${hop}`;
  await jsm.streams.add({ name: stream, subjects: [`${tag}.>`], storage: StorageType.File });

  /** One transaction for one message: what every hop of the real pipeline does at the least. */
  async function write(id: string, hop: number, payload: unknown): Promise<void> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('INSERT INTO fact (id, hop, payload) VALUES ($1, $2, $3)', [id, hop, JSON.stringify(payload)]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  }

  const startedAt = new Map<string, number>();
  const endToEnd: number[] = [];
  const last = nc.subscribe(subject(HOPS + 1));
  void (async () => {
    for await (const m of last) {
      const t0 = startedAt.get(m.json<{ id: string }>().id);
      if (t0 !== undefined) endToEnd.push(performance.now() - t0);
    }
  })();

  const consumers: { close: () => Promise<unknown> }[] = [];
  for (let hop = 1; hop <= HOPS; hop++) {
    await jsm.consumers.add(stream, { durable_name: `hop${hop}`, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All, filter_subject: subject(hop) });
    const consumer = await js.consumers.get(stream, `hop${hop}`);
    const queue: JsMsg[] = [];
    let active = 0;
    const work = async (m: JsMsg): Promise<void> => {
      const fact = m.json<{ id: string }>();
      await write(randomUUID(), hop, fact);
      await js.publish(subject(hop + 1), JSON.stringify(fact), { msgID: `${fact.id}-${hop}` });
      m.ack();
    };
    const pump = (): void => {
      while (active < parallel && queue.length > 0) {
        active++;
        void work(queue.shift()!)
          .catch(() => undefined)
          .finally(() => {
            active--;
            pump();
          });
      }
    };
    consumers.push(await consumer.consume({ max_messages: 512, callback: (m) => (queue.push(m), pump()) }));
  }

  const produceLatency: number[] = [];
  let errors = 0;
  const total = rate * seconds;
  const started = performance.now();
  const sendSeconds = await sendAtRate(rate, total, async (i) => {
    const id = randomUUID();
    const t0 = performance.now();
    try {
      await write(id, 0, { id, n: i, description: `夜间施工噪音扰民，第${i}次反映。` });
      startedAt.set(id, performance.now());
      await js.publish(subject(1), JSON.stringify({ id }), { msgID: id });
      produceLatency.push(performance.now() - t0);
    } catch {
      errors++;
    }
  });
  const deadline = Date.now() + 30_000;
  while (endToEnd.length < produceLatency.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const drainSeconds = (performance.now() - started) / 1000;

  for (const c of consumers) await c.close();
  last.unsubscribe();
  await jsm.streams.delete(stream);
  await nc.close();
  await pool.end();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE}`);
  await admin.end();

  produceLatency.sort((a, b) => a - b);
  endToEnd.sort((a, b) => a - b);
  const fmt = (n: number) => n.toFixed(1);
  console.log(JSON.stringify({
    target_rate: rate,
    parallel,
    sent: total,
    produced: produceLatency.length,
    errors,
    achieved_produce_rate: +(produceLatency.length / sendSeconds).toFixed(1),
    completed: endToEnd.length,
    end_to_end_rate: +(endToEnd.length / drainSeconds).toFixed(1),
    produce_ms: { p50: fmt(percentile(produceLatency, 50)), p99: fmt(percentile(produceLatency, 99)) },
    start_to_last_ms: { p50: fmt(percentile(endToEnd, 50)), p99: fmt(percentile(endToEnd, 99)) },
  }, null, 2));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
