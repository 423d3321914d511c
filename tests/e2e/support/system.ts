import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createTestDatabase, TEST_NATS_URL, testNamespace, waitFor, type TestDatabase } from '@yikouban/testing';

export const SERVICES = ['intake', 'routing', 'mediation', 'supervision', 'gateway'] as const;
export type Service = (typeof SERVICES)[number];

const ROOT = join(__dirname, '..', '..', '..');
const ARTIFACTS = join(ROOT, 'test-artifacts', 'e2e');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * The whole system as separate processes, built from dist/ (the test command builds first),
 * on its own database, NATS namespace and ports. Logs go to test-artifacts/e2e/<run>/.
 */
export class SystemUnderTest {
  readonly procs = new Map<Service, ChildProcess>();
  readonly ports = new Map<Service, number>();
  private constructor(
    readonly db: TestDatabase,
    readonly namespace: string,
    private readonly extraEnv: Record<string, string>,
  ) {}

  static async create(extraEnv: Record<string, string> = {}): Promise<SystemUnderTest> {
    const sut = new SystemUnderTest(await createTestDatabase('e2e'), testNamespace(), extraEnv);
    for (const s of SERVICES) sut.ports.set(s, await freePort());
    mkdirSync(join(ARTIFACTS, sut.namespace), { recursive: true });
    return sut;
  }

  env(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'info', DATABASE_URL: this.db.url, NATS_URL: TEST_NATS_URL, YKB_NAMESPACE: this.namespace, ...this.extraEnv, ...overrides };
    for (const s of SERVICES) env[`${s.toUpperCase()}_PORT`] = String(this.ports.get(s));
    return env;
  }

  url(service: Service): string {
    return `http://127.0.0.1:${this.ports.get(service)}`;
  }

  /** Runs a service's command (migrate, seed) to completion. */
  async command(service: Service, command: string): Promise<void> {
    const child = spawn(process.execPath, ['-r', './scripts/register-paths.cjs', `dist/services/${service}/src/cli.js`, command], { cwd: ROOT, env: this.env(), stdio: ['ignore', 'pipe', 'pipe'] });
    this.pipeLogs(service, child, command);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    if (code !== 0) throw new Error(`${service} ${command} exited ${code}`);
  }

  start(service: Service, overrides: Record<string, string> = {}): ChildProcess {
    const child = spawn(process.execPath, ['-r', './scripts/register-paths.cjs', `dist/services/${service}/src/main.js`], { cwd: ROOT, env: this.env(overrides), stdio: ['ignore', 'pipe', 'pipe'] });
    this.pipeLogs(service, child, 'main');
    this.procs.set(service, child);
    return child;
  }

  async ready(service: Service, timeoutMs = 30_000): Promise<void> {
    await waitFor(`${service} /health/ready`, async () => (await fetch(`${this.url(service)}/health/ready`).catch(() => undefined))?.status === 200, timeoutMs, 200);
  }

  async startAll(): Promise<void> {
    await this.command('routing', 'seed');
    // The mediation organisations and their mediators: a 访调 goes to one of them.
    await this.command('mediation', 'seed');
    // The demo users and API client: the gateway answers nothing to someone who has not signed in.
    await this.command('gateway', 'seed');
    for (const s of SERVICES) this.start(s);
    await Promise.all(SERVICES.map((s) => this.ready(s)));
  }

  /** Resolves when a line of the service's output matches. */
  waitForLog(service: Service, pattern: RegExp, timeoutMs = 15_000): Promise<string> {
    const child = this.procs.get(service);
    if (!child?.stdout) throw new Error(`${service} is not running`);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${service} never logged ${pattern}`)), timeoutMs);
      let buf = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        buf += chunk.toString();
        const line = buf.split('\n').find((l) => pattern.test(l));
        if (line) {
          clearTimeout(timer);
          resolve(line);
        }
        buf = buf.slice(buf.lastIndexOf('\n') + 1);
      });
    });
  }

  async kill(service: Service, signal: NodeJS.Signals): Promise<number | null> {
    const child = this.procs.get(service);
    if (!child || child.exitCode !== null) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill(signal);
    const code = await exited;
    this.procs.delete(service);
    return code;
  }

  /** Stops a service gracefully and starts it again with other settings (fault injection, say); resolves when ready. */
  async restart(service: Service, overrides: Record<string, string> = {}): Promise<void> {
    await this.kill(service, 'SIGTERM');
    this.start(service, overrides);
    await this.ready(service);
  }

  async stop(): Promise<void> {
    await Promise.all([...this.procs.keys()].map((s) => this.kill(s, 'SIGTERM')));
    await this.db.drop().catch(() => undefined);
  }

  private pipeLogs(service: Service, child: ChildProcess, what: string): void {
    const file = createWriteStream(join(ARTIFACTS, this.namespace, `${service}.${what}.log`), { flags: 'a' });
    child.stdout?.pipe(file);
    child.stderr?.pipe(file);
  }
}
