/**
 * Pipeline benchmark: POST grievances to intake at a fixed rate and measure
 *  - intake POST latency (p50 / p99), and
 *  - received → clock started latency (from the POST's answer to the clock.started event).
 * Runs against a system started with `npm start` (or any URLs given by env). Bounded in count
 * and time; traffic only to loopback.
 *
 *   node -r ./scripts/register-paths.cjs dist/bench/pipeline.bench.js --rate 150 --seconds 20
 */
import { connect } from '@nats-io/transport-node';
import { ClockStarted, type ClockStartedV1, type EventEnvelope } from '@yikouban/contracts';
import { Namespace } from '@yikouban/messaging';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const rate = arg('rate', 100);
  const seconds = Math.min(arg('seconds', 10), 300);
  const intake = process.env.INTAKE_URL ?? 'http://127.0.0.1:3001';
  const ns = new Namespace(process.env.YKB_NAMESPACE ?? '');
  const region = process.env.BENCH_REGION ?? '330621101';
  const nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });

  const postedAt = new Map<string, number>();
  const endToEnd: number[] = [];
  const sub = nc.subscribe(ns.subject(ClockStarted.subject));
  void (async () => {
    for await (const m of sub) {
      const env = m.json<EventEnvelope<ClockStartedV1>>();
      const t0 = postedAt.get(env.data.grievanceId);
      if (t0 !== undefined) endToEnd.push(performance.now() - t0);
    }
  })();

  const postLatency: number[] = [];
  let errors = 0;
  const total = rate * seconds;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(
      (async () => {
        const t0 = performance.now();
        const res = await fetch(`${intake}/api/v1/grievances`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ channel: 'web', regionCode: region, categoryCode: 'noise', description: `夜间施工噪音扰民，第${i}次反映。` }),
        }).catch(() => undefined);
        const t1 = performance.now();
        if (!res || res.status !== 201) {
          errors++;
          return;
        }
        const body = (await res.json()) as { id: string };
        postedAt.set(body.id, t1);
        postLatency.push(t1 - t0);
      })(),
    );
  }
  await Promise.all(inFlight);
  const sendSeconds = (performance.now() - started) / 1000;
  const deadline = Date.now() + 30_000;
  while (endToEnd.length < postLatency.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const drainSeconds = (performance.now() - started) / 1000;
  sub.unsubscribe();
  await nc.close();

  postLatency.sort((a, b) => a - b);
  endToEnd.sort((a, b) => a - b);
  const fmt = (n: number) => n.toFixed(1);
  console.log(JSON.stringify({
    target_rate: rate,
    sent: total,
    accepted: postLatency.length,
    errors,
    achieved_post_rate: +(postLatency.length / sendSeconds).toFixed(1),
    clocks_started: endToEnd.length,
    end_to_end_rate: +(endToEnd.length / drainSeconds).toFixed(1),
    post_ms: { p50: fmt(percentile(postLatency, 50)), p99: fmt(percentile(postLatency, 99)) },
    received_to_clock_ms: { p50: fmt(percentile(endToEnd, 50)), p99: fmt(percentile(endToEnd, 99)) },
  }, null, 2));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
