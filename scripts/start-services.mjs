#!/usr/bin/env node
// Runs the services as separate processes with name-prefixed output (npm run start:services),
// and stops them together: on Ctrl-C / SIGTERM, or as soon as one of them dies on its own.
// Usage: node scripts/start-services.mjs [--only intake,routing]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// Start order: the four data services first, the gateway (which only calls them) last.
const SERVICES = [
  { name: 'intake', port: 3001, colour: 36, path: '' },
  { name: 'routing', port: 3002, colour: 33, path: '' },
  { name: 'mediation', port: 3003, colour: 35, path: '' },
  { name: 'supervision', port: 3004, colour: 34, path: '' },
  { name: 'gateway', port: 3000, colour: 32, path: '/graphql' },
];
const STOP_GRACE_MS = 10_000;
const READY_TIMEOUT_MS = 60_000;
const NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five'];
const tty = process.stdout.isTTY === true;

const paint = (colour, text) => (tty ? `\x1b[${colour}m${text}\x1b[0m` : text);
const prefix = (name, colour) => paint(colour, `${name.padEnd(12)}| `);
const say = (text) => process.stdout.write(`${prefix('runner', 1)}${text}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function selectServices(argv) {
  const at = argv.findIndex((a) => a === '--only' || a.startsWith('--only='));
  if (at === -1) return SERVICES;
  const list = argv[at].includes('=') ? argv[at].slice('--only='.length) : (argv[at + 1] ?? '');
  const wanted = list.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = wanted.filter((w) => !SERVICES.some((s) => s.name === w));
  if (wanted.length === 0 || unknown.length > 0) {
    console.error(`--only expects a comma-separated subset of ${SERVICES.map((s) => s.name).join(',')}; got "${list}"`);
    process.exit(2);
  }
  return SERVICES.filter((s) => wanted.includes(s.name));
}

const selected = selectServices(process.argv.slice(2)).map((s) => ({
  ...s,
  port: Number(process.env[`${s.name.toUpperCase()}_PORT`] || s.port),
  main: `dist/services/${s.name}/src/main.js`,
}));
const missing = selected.filter((s) => !existsSync(join(ROOT, s.main)));
if (missing.length > 0) {
  console.error(`missing ${missing.map((s) => s.main).join(', ')}: run \`npm run build\` first`);
  process.exit(1);
}

const running = new Map(); // name -> ChildProcess, only while alive
let stopping = false;
let failed = false;

function pipeLines(stream, out, label) {
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => out.write(`${label}${line}\n`));
}

function start(service) {
  // detached: own process group, so a terminal Ctrl-C reaches only this runner, which then
  // stops the services in order instead of racing them.
  const child = spawn(process.execPath, ['-r', './scripts/register-paths.cjs', service.main], {
    cwd: ROOT,
    env: process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const label = prefix(service.name, service.colour);
  pipeLines(child.stdout, process.stdout, label);
  pipeLines(child.stderr, process.stderr, label);
  running.set(service.name, child);
  const exited = new Promise((resolve) => {
    child.on('error', (err) => say(`${service.name} could not be started: ${err.message}`));
    child.on('close', (code, signal) => {
      running.delete(service.name);
      // A service that dies by our SIGTERM (no handler, or Nest re-raising it) stopped cleanly.
      const clean = code === 0 || (stopping && signal === 'SIGTERM');
      if (!stopping) {
        say(`${service.name} exited unexpectedly (${signal ?? `code ${code}`}); stopping the others`);
        failed = true;
        void stop();
      } else if (!clean) {
        say(`${service.name} stopped uncleanly (${signal ?? `code ${code}`})`);
        failed = true;
      }
      resolve();
    });
  });
  return exited;
}

const exits = selected.map(start);

async function stop() {
  if (stopping) return;
  stopping = true;
  for (const child of running.values()) child.kill('SIGTERM');
  const timer = setTimeout(() => {
    for (const [name, child] of running) {
      say(`${name} did not stop within ${STOP_GRACE_MS / 1000} s; killing it`);
      failed = true;
      child.kill('SIGKILL');
    }
  }, STOP_GRACE_MS);
  await Promise.all(exits);
  clearTimeout(timer);
  say(failed ? 'stopped; a service failed or did not stop cleanly' : 'all services stopped');
  process.exit(failed ? 1 : 0);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return; // the grace timer already bounds the wait
    say(`${signal} received; stopping ${[...running.keys()].join(', ') || 'nothing'}`);
    void stop();
  });
}
// Last resort if the runner itself dies: never leave detached services behind.
process.on('exit', () => {
  for (const child of running.values()) child.kill('SIGKILL');
});

async function waitReady(service, deadline) {
  const url = `http://127.0.0.1:${service.port}/health/ready`;
  while (Date.now() < deadline && !stopping) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  return false;
}

const deadline = Date.now() + READY_TIMEOUT_MS;
const ready = await Promise.all(selected.map((s) => waitReady(s, deadline)));
if (!stopping) {
  const where = (s) => `${s.name} http://localhost:${s.port}${s.path}`;
  const byGatewayFirst = [...selected].sort((a, b) => (a.name === 'gateway' ? -1 : b.name === 'gateway' ? 1 : 0));
  const notReady = selected.filter((_, i) => !ready[i]);
  if (notReady.length === 0) {
    say(`all ${NUMBERS[selected.length]} services ready: ${byGatewayFirst.map(where).join(', ')}`);
  } else {
    const names = notReady.map((s) => s.name).join(', ');
    say(`not ready after ${READY_TIMEOUT_MS / 1000} s: ${names} (GET /health/ready did not answer 200; see their logs)`);
  }
}
