/**
 * Pipeline benchmark: POST grievances to intake at a fixed rate and measure
 *  - intake POST latency (p50 / p99), and
 *  - received → clock started latency (from the POST's answer to the clock.started event).
 * Runs against a system started with `npm start` (or any URLs given by env). Bounded in count
 * and time; traffic only to loopback. On Linux it also reports each service's resident set size
 * (VmRSS of the process listening on ports 3000–3004) at the start, at its peak during the run
 * and at the end; elsewhere, or when no such process is found, it notes that and goes on.
 *
 *   node -r ./scripts/register-paths.cjs dist/bench/pipeline.bench.js --rate 150 --seconds 20
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { connect } from '@nats-io/transport-node';
import { ClockStarted, type ClockStartedV1, type EventEnvelope } from '@yikouban/contracts';
import { Namespace } from '@yikouban/messaging';
import { arg, percentile, sendAtRate } from './support/cli';

/** The services' ports (start-services.mjs): DESIGN budgets ≤ 200 MB resident each. */
const SERVICE_PORTS: Record<number, string> = { 3000: 'gateway', 3001: 'intake', 3002: 'routing', 3003: 'mediation', 3004: 'supervision' };

/** pid of the process listening on each service port, from /proc/net/tcp{,6} and the processes' socket fds (Linux only). */
function serviceProcesses(): Map<string, number> {
  const inodes = new Map<string, string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      const port = parseInt(f[1]?.split(':')[1] ?? '', 16);
      // st 0A = LISTEN; field 9 is the socket's inode.
      if (f[3] === '0A' && SERVICE_PORTS[port] && f[9]) inodes.set(`socket:[${f[9]}]`, SERVICE_PORTS[port]);
    }
  }
  const pids = new Map<string, number>();
  if (inodes.size === 0) return pids;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let fds: string[] = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      let link = '';
      try {
        link = readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      const service = inodes.get(link);
      if (service) pids.set(service, Number(pid));
    }
  }
  return pids;
}

/** VmRSS of a process in MB, or null once it is gone. */
function residentMb(pid: number): number | null {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? +(Number(kb) / 1024).toFixed(1) : null;
  } catch {
    return null;
  }
}

/** Samples every service's resident set size: at the start, every half second for the peak, and at the end. */
function watchResidentMemory(): { stop(): Record<string, { pid: number; start_mb: number | null; peak_mb: number | null; end_mb: number | null }> | string } {
  const pids = process.platform === 'linux' ? serviceProcesses() : new Map<string, number>();
  if (pids.size === 0) return { stop: () => `skipped: no process found listening on ports 3000–3004 via /proc (Linux only)` };
  const seen = new Map([...pids].map(([service, pid]) => [service, { pid, start_mb: residentMb(pid), peak_mb: residentMb(pid), end_mb: null as number | null }]));
  const sample = () => {
    for (const s of seen.values()) {
      const mb = residentMb(s.pid);
      if (mb !== null && (s.peak_mb === null || mb > s.peak_mb)) s.peak_mb = mb;
    }
  };
  const timer = setInterval(sample, 500);
  return {
    stop() {
      clearInterval(timer);
      sample();
      for (const s of seen.values()) s.end_mb = residentMb(s.pid);
      return Object.fromEntries([...seen].sort(([a], [b]) => a.localeCompare(b)));
    },
  };
}

async function main(): Promise<void> {
  const rate = arg('rate', 100);
  const seconds = Math.min(arg('seconds', 10), 300);
  const intake = process.env.INTAKE_URL ?? 'http://127.0.0.1:3001';
  const ns = new Namespace(process.env.YKB_NAMESPACE ?? '');
  const region = process.env.BENCH_REGION ?? '330621101';
  const nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });

  const memory = watchResidentMemory();
  const postedAt = new Map<string, number>();
  // A grievance starts more than one clock (registration, then handling): only its first counts,
  // and it is kept even when it arrives before the POST's answer has been read.
  const firstClockAt = new Map<string, number>();
  const sub = nc.subscribe(ns.subject(ClockStarted.subject));
  void (async () => {
    for await (const m of sub) {
      const id = m.json<EventEnvelope<ClockStartedV1>>().data.grievanceId;
      if (!firstClockAt.has(id)) firstClockAt.set(id, performance.now());
    }
  })();
  const clocked = () => [...postedAt.keys()].filter((id) => firstClockAt.has(id)).length;

  const postLatency: number[] = [];
  let errors = 0;
  const total = rate * seconds;
  const started = performance.now();
  const sendSeconds = await sendAtRate(rate, total, async (i) => {
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
  });
  const deadline = Date.now() + 30_000;
  while (clocked() < postedAt.size && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const drainSeconds = (performance.now() - started) / 1000;
  sub.unsubscribe();
  await nc.close();
  const resident = memory.stop();

  const endToEnd = [...postedAt].filter(([id]) => firstClockAt.has(id)).map(([id, t]) => firstClockAt.get(id)! - t);
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
    without_clock_after_30s: postedAt.size - endToEnd.length,
    end_to_end_rate: +(endToEnd.length / drainSeconds).toFixed(1),
    post_ms: { p50: fmt(percentile(postLatency, 50)), p99: fmt(percentile(postLatency, 99)) },
    received_to_clock_ms: { p50: fmt(percentile(endToEnd, 50)), p99: fmt(percentile(endToEnd, 99)) },
    resident_memory: resident,
  }, null, 2));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
