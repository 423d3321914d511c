// Container health probe (node:20-slim has neither curl nor wget): GET a URL, exit 0 on 2xx.
// Usage: node deploy/healthcheck.cjs <url | /path>. A bare path goes to this service's own port,
// taken from <SERVICE>_PORT or the service's default.
const DEFAULT_PORTS = { gateway: 3000, intake: 3001, routing: 3002, mediation: 3003, supervision: 3004 };

const target = process.argv[2] || '/health/live';
const service = process.env.SERVICE || '';
const port = process.env[`${service.toUpperCase()}_PORT`] || DEFAULT_PORTS[service];
const url = /^https?:\/\//.test(target) ? target : `http://127.0.0.1:${port}${target}`;

fetch(url, { signal: AbortSignal.timeout(2500) }).then(
  (res) => process.exit(res.ok ? 0 : 1),
  () => process.exit(1),
);
