/**
 * GraphQL read benchmark: an operator's `grievance(trackingCode)` lookups through the gateway,
 * which asks intake, then routing and supervision at once, over NATS request/reply.
 * Measures throughput and latency (p50 / p99) at a fixed number of concurrent callers.
 * Runs against a system started with `npm start`; traffic only to loopback, bounded in time.
 *
 *   node -r ./scripts/register-paths.cjs dist/bench/graphql-lookup.bench.js --concurrency 8 --seconds 15
 */
import { arg, percentile } from './support/cli';

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

async function main(): Promise<void> {
  const concurrency = Math.max(1, Math.min(arg('concurrency', 8), 64));
  const seconds = Math.min(arg('seconds', 15), 120);
  const gateway = `${process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000'}/graphql`;
  const intake = process.env.INTAKE_URL ?? 'http://127.0.0.1:3001';

  // A handful of grievances to look up, so the lookups hit real rows in every service.
  const codes: string[] = [];
  for (let i = 0; i < 20; i++) {
    const g = (await post(`${intake}/api/v1/grievances`, {
      channel: 'web',
      regionCode: '330621101',
      categoryCode: 'noise',
      description: `基准测试：夜间工地施工噪音扰民第${i}号，影响周边居民休息。`,
    })) as { trackingCode: string };
    codes.push(g.trackingCode);
  }
  const login = (await post(gateway, { query: 'mutation { login(username: "operator", password: "yikouban-demo-operator") { accessToken } }' })) as {
    data: { login: { accessToken: string } };
  };
  const auth = { authorization: `Bearer ${login.data.login.accessToken}` };
  const query = 'query ($c: String!) { grievance(trackingCode: $c) { status leadUnit { unitName } deadlines { step dueAt } } }';

  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const caller = async (k: number) => {
    for (let i = k; performance.now() < end; i += concurrency) {
      const t0 = performance.now();
      try {
        const answer = (await post(gateway, { query, variables: { c: codes[i % codes.length] } }, auth)) as { errors?: unknown[] };
        if (answer.errors) errors++;
        else latencies.push(performance.now() - t0);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, k) => caller(k)));

  latencies.sort((a, b) => a - b);
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  console.log(
    JSON.stringify({
      concurrency,
      seconds,
      lookups: latencies.length,
      errors,
      perSecond: Math.round(latencies.length / seconds),
      p50: ms(percentile(latencies, 50)),
      p99: ms(percentile(latencies, 99)),
      max: ms(latencies[latencies.length - 1] ?? NaN),
    }),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
