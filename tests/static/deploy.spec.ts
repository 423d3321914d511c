// The deployment description is never run here (no Docker engine, no cluster), so this test is
// what keeps it honest: every service must appear everywhere with its port, probes and the
// environment its config class refuses to start without.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

const ROOT = join(__dirname, '..', '..');
const K8S_DIR = join(ROOT, 'deploy', 'k8s');

interface ServiceSpec {
  name: string;
  port: number;
  /** Owns data in PostgreSQL, so it needs DATABASE_URL and waits for postgres. */
  data: boolean;
  secrets: string[];
}
const SERVICES: ServiceSpec[] = [
  { name: 'gateway', port: 3000, data: false, secrets: ['GATEWAY_JWT_SECRET'] },
  { name: 'intake', port: 3001, data: true, secrets: ['INTAKE_PII_KEYS', 'INTAKE_BLIND_INDEX_KEY'] },
  { name: 'routing', port: 3002, data: true, secrets: [] },
  { name: 'mediation', port: 3003, data: true, secrets: [] },
  { name: 'supervision', port: 3004, data: true, secrets: ['SUPERVISION_PII_KEYS'] },
];
const requiredEnv = (s: ServiceSpec): string[] => ['NATS_URL', ...(s.data ? ['DATABASE_URL'] : []), ...s.secrets];
const portVariable = (s: ServiceSpec): string => `${s.name.toUpperCase()}_PORT`;

type Obj = Record<string, unknown>;
function obj(v: unknown, what: string): Obj {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    throw new Error(`${what}: expected a mapping, got ${JSON.stringify(v)}`);
  }
  return v as Obj;
}
function list(v: unknown, what: string): unknown[] {
  if (!Array.isArray(v)) throw new Error(`${what}: expected a list, got ${JSON.stringify(v)}`);
  return v;
}
function str(v: unknown, what: string): string {
  if (typeof v !== 'string') throw new Error(`${what}: expected a string, got ${JSON.stringify(v)}`);
  return v;
}
const read = (...parts: string[]): string => readFileSync(join(ROOT, ...parts), 'utf8');

/** `nats:2.12.8-alpine` -> [2, 12, 8]; throws for a floating tag such as `nats:latest` or `nats:2`. */
function pinnedVersion(image: string): number[] {
  const m = /:(\d+)\.(\d+)\.(\d+)(-[a-z0-9.]+)?$/.exec(image);
  if (!m) throw new Error(`image ${image} is not pinned to a full version`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}
function atLeast(version: number[], min: number[]): boolean {
  const i = version.findIndex((part, at) => part !== min[at]);
  return i === -1 || version[i] > min[i];
}

// ---------------------------------------------------------------------------------------------
describe('docker-compose.yml', () => {
  const docs = parseAllDocuments(read('docker-compose.yml'));
  const compose = () => obj(docs[0]?.toJS(), 'compose file');
  const services = () => obj(compose().services, 'services');
  const service = (name: string) => obj(services()[name], `compose service ${name}`);

  /** Short (`"3001:3001"`) and long (`{ target, published }`) port syntax -> [published, target]. */
  function portPairs(ports: unknown, where: string): Array<[number, number]> {
    return list(ports, where).map((p) => {
      if (typeof p === 'string' || typeof p === 'number') {
        const parts = String(p).split('/')[0].split(':');
        return [Number(parts.at(-2) ?? parts.at(-1)), Number(parts.at(-1))];
      }
      const long = obj(p, where);
      return [Number(long.published), Number(long.target)];
    });
  }
  const keysOf = (v: unknown, where: string): string[] =>
    Array.isArray(v) ? v.map((e) => str(e, where).split('=')[0]) : Object.keys(obj(v, where));

  it('is one YAML document that parses without errors', () => {
    expect(docs).toHaveLength(1);
    expect(docs[0].errors.map(String)).toEqual([]);
    expect(docs[0].warnings.map(String)).toEqual([]);
  });

  it('names nats, postgres and all five services', () => {
    expect(Object.keys(services())).toEqual(expect.arrayContaining(['nats', 'postgres', ...SERVICES.map((s) => s.name)]));
  });

  it('runs NATS >= 2.10.23 (a pinned tag) with JetStream and the single-node config', () => {
    const nats = service('nats');
    expect(atLeast(pinnedVersion(str(nats.image, 'nats image')), [2, 10, 23])).toBe(true);
    const command = list(nats.command, 'nats command').map((c) => str(c, 'nats command'));
    expect(command).toEqual(expect.arrayContaining(['-js', '-c', '/etc/nats/nats-server.conf']));
    const volumes = list(nats.volumes, 'nats volumes').map((v) => str(v, 'nats volume'));
    const mount = /^\.\/deploy\/nats\/nats-server\.single\.conf:\/etc\/nats\/nats-server\.conf(:ro)?$/;
    expect(volumes).toContainEqual(expect.stringMatching(mount));
    expect(JSON.stringify(obj(nats.healthcheck, 'nats healthcheck').test)).toContain('healthz');
  });

  it('runs PostgreSQL 15 with a pg_isready health check and a volume', () => {
    const pg = service('postgres');
    expect(str(pg.image, 'postgres image')).toMatch(/^postgres:15(\.|$|-)/);
    expect(JSON.stringify(obj(pg.healthcheck, 'postgres healthcheck').test)).toContain('pg_isready');
    expect(list(pg.volumes, 'postgres volumes').length).toBeGreaterThan(0);
  });

  describe.each(SERVICES)('service $name', (s) => {
    it('is built from deploy/Dockerfile with SERVICE set to its name', () => {
      const build = obj(service(s.name).build, `${s.name} build`);
      expect(build.context).toBe('.');
      expect(build.dockerfile).toBe('deploy/Dockerfile');
      expect(obj(build.args, `${s.name} build args`).SERVICE).toBe(s.name);
    });

    it(`publishes its default port ${s.port}`, () => {
      expect(portPairs(service(s.name).ports, `${s.name} ports`)).toContainEqual([s.port, s.port]);
    });

    it('has a health check calling its own /health/ready', () => {
      const test = JSON.stringify(obj(service(s.name).healthcheck, `${s.name} healthcheck`).test);
      expect(test).toContain(`:${s.port}/health/ready`);
    });

    it(`gets ${requiredEnv(s).join(', ')}`, () => {
      const env = obj(service(s.name).environment, `${s.name} environment`);
      expect(keysOf(env, `${s.name} environment`)).toEqual(expect.arrayContaining(requiredEnv(s)));
      const port = env[portVariable(s)];
      if (port !== undefined) expect(Number(port)).toBe(s.port);
    });

    it(`waits for healthy nats${s.data ? ' and postgres' : ''}`, () => {
      const dependsOn = obj(service(s.name).depends_on, `${s.name} depends_on`);
      const needed = ['nats', ...(s.data ? ['postgres'] : [])];
      for (const dep of needed) {
        expect(obj(dependsOn[dep], `${s.name} depends_on ${dep}`).condition).toBe('service_healthy');
      }
    });
  });
});

// ---------------------------------------------------------------------------------------------
describe('deploy/Dockerfile', () => {
  const dockerfile = () => read('deploy', 'Dockerfile');

  it('exists, beside the healthcheck script it copies into the image', () => {
    expect(existsSync(join(ROOT, 'deploy', 'Dockerfile'))).toBe(true);
    expect(dockerfile()).toContain('deploy/healthcheck.cjs');
    expect(existsSync(join(ROOT, 'deploy', 'healthcheck.cjs'))).toBe(true);
  });

  it('takes ARG SERVICE and starts that service through register-paths', () => {
    expect(dockerfile()).toMatch(/^ARG SERVICE\s*$/m);
    const start = /^CMD .*node -r \.\/scripts\/register-paths\.cjs dist\/services\/\$\{?SERVICE\}?\/src\/main\.js/m;
    expect(dockerfile()).toMatch(start);
  });

  it('runs on node:20-slim as a non-root user with a /health/live health check', () => {
    const stages = [...dockerfile().matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]);
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile()).toMatch(/^ARG NODE_IMAGE=node:20-slim$/m);
    const user = /^USER\s+(\S+)/m.exec(dockerfile())?.[1];
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
    expect(dockerfile()).toMatch(/^HEALTHCHECK[\s\S]*\/health\/live/m);
  });
});

describe('deploy/healthcheck.cjs (the probe the images run)', () => {
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      res.statusCode = req.url === '/health/ready' ? 200 : 503;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const probe = (target: string, env: NodeJS.ProcessEnv = {}) =>
    new Promise<number>((resolve) => {
      const script = join(ROOT, 'deploy', 'healthcheck.cjs');
      const child = execFile(process.execPath, [script, target], { env: { ...process.env, ...env } });
      child.on('exit', (code) => resolve(code ?? -1));
    });

  it('exits 0 on 200, 1 on 503 and 1 when nothing listens', async () => {
    expect(await probe(`http://127.0.0.1:${port}/health/ready`)).toBe(0);
    expect(await probe(`http://127.0.0.1:${port}/health/live`)).toBe(1);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await probe(`http://127.0.0.1:${closedPort}/health/ready`)).toBe(1);
  });

  it('sends a bare path to the port of the service named by SERVICE', async () => {
    expect(await probe('/health/ready', { SERVICE: 'routing', ROUTING_PORT: String(port) })).toBe(0);
    expect(await probe('/health/live', { SERVICE: 'routing', ROUTING_PORT: String(port) })).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------
describe('NATS server configuration', () => {
  const jetstreamBlock = (conf: string): string => /^jetstream\s*\{([^}]*)\}/m.exec(conf)?.[1] ?? '';

  it.each(['nats-server.conf', 'nats-server.single.conf'])('%s enables JetStream with sync_interval: always', (file) => {
    const block = jetstreamBlock(read('deploy', 'nats', file));
    expect(block).toMatch(/^\s*sync_interval:\s*always\s*$/m);
    expect(block).toMatch(/^\s*store_dir:\s*\S+/m);
  });

  it('production config is a 3-node cluster and says it needs nats-server >= 2.10', () => {
    const conf = read('deploy', 'nats', 'nats-server.conf');
    const cluster = /^cluster\s*\{([\s\S]*?)^\}/m.exec(conf)?.[1] ?? '';
    expect(cluster.match(/nats:\/\/[^\s]+:6222/g) ?? []).toHaveLength(3);
    expect(conf).toMatch(/#.*>=\s*2\.10/);
    expect(conf).toMatch(/#.*Jepsen/);
  });
});

// ---------------------------------------------------------------------------------------------
describe('deploy/k8s', () => {
  const files = readdirSync(K8S_DIR).filter((f) => /\.ya?ml$/.test(f));
  const parsed = files.map((file) => ({ file, docs: parseAllDocuments(readFileSync(join(K8S_DIR, file), 'utf8')) }));
  const resources = () =>
    parsed.flatMap(({ file, docs }) => docs.map((d) => ({ file, body: obj(d.toJS(), `${file} document`) })));
  const find = (kind: string, name: string): Obj | undefined =>
    resources().find((r) => r.body.kind === kind && obj(r.body.metadata, `${kind} metadata`).name === name)?.body;
  const must = (kind: string, name: string): Obj => {
    const found = find(kind, name);
    if (!found) throw new Error(`no ${kind} named ${name} in deploy/k8s`);
    return found;
  };
  /** data + stringData keys of a ConfigMap or Secret. */
  const keysOf = (kind: string, name: string): string[] => {
    const r = must(kind, name);
    const data = obj(r.data ?? {}, `${kind} ${name} data`);
    const stringData = obj(r.stringData ?? {}, `${kind} ${name} stringData`);
    return [...Object.keys(data), ...Object.keys(stringData)];
  };

  /** Every variable a container receives, following envFrom and *KeyRef into the manifests. */
  function envOf(container: Obj, where: string): string[] {
    const names: string[] = [];
    for (const e of list(container.env ?? [], `${where} env`)) {
      const entry = obj(e, `${where} env entry`);
      const from = entry.valueFrom === undefined ? undefined : obj(entry.valueFrom, `${where} valueFrom`);
      for (const [refKind, kind] of [['secretKeyRef', 'Secret'], ['configMapKeyRef', 'ConfigMap']] as const) {
        const ref = from?.[refKind];
        if (ref === undefined) continue;
        const { name, key } = obj(ref, `${where} ${refKind}`);
        expect(keysOf(kind, str(name, `${where} ${refKind} name`))).toContain(key);
      }
      names.push(str(entry.name, `${where} env name`));
    }
    for (const e of list(container.envFrom ?? [], `${where} envFrom`)) {
      const entry = obj(e, `${where} envFrom entry`);
      for (const [refKind, kind] of [['configMapRef', 'ConfigMap'], ['secretRef', 'Secret']] as const) {
        const ref = entry[refKind];
        if (ref !== undefined) names.push(...keysOf(kind, str(obj(ref, `${where} ${refKind}`).name, `${where} ${refKind} name`)));
      }
    }
    return names;
  }
  const podSpec = (workload: Obj, what: string): Obj => obj(obj(obj(workload.spec, what).template, what).spec, what);
  const onlyContainer = (workload: Obj, what: string): Obj => {
    const containers = list(podSpec(workload, what).containers, `${what} containers`);
    expect(containers).toHaveLength(1);
    return obj(containers[0], `${what} container`);
  };

  it('has manifests, all of which parse without errors', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const { file, docs } of parsed) {
      expect({ file, errors: docs.flatMap((d) => d.errors.map(String)) }).toEqual({ file, errors: [] });
    }
  });

  it('puts everything namespaced into the yikouban Namespace', () => {
    expect(find('Namespace', 'yikouban')).toBeDefined();
    for (const { file, body } of resources()) {
      if (body.kind === 'Namespace' || body.kind === 'Kustomization') continue;
      const { namespace } = obj(body.metadata, `${file} metadata`);
      expect({ file, kind: body.kind, namespace }).toEqual({ file, kind: body.kind, namespace: 'yikouban' });
    }
  });

  describe.each(SERVICES)('service $name', (s) => {
    const deployment = () => must('Deployment', s.name);
    const container = () => onlyContainer(deployment(), `Deployment ${s.name}`);

    it('has a Deployment with at least 2 replicas, its port and a 256Mi memory limit', () => {
      expect(Number(obj(deployment().spec, 'spec').replicas)).toBeGreaterThanOrEqual(2);
      const ports = list(container().ports, `${s.name} ports`).map((p) => obj(p, 'port').containerPort);
      expect(ports).toContain(s.port);
      expect(obj(obj(container().resources, 'resources').limits, 'limits').memory).toBe('256Mi');
    });

    it.each([
      ['readinessProbe', '/health/ready'],
      ['livenessProbe', '/health/live'],
    ])('has a %s on %s at its port', (probe, path) => {
      const httpGet = obj(obj(container()[probe], `${s.name} ${probe}`).httpGet, `${s.name} ${probe} httpGet`);
      expect(httpGet.path).toBe(path);
      expect(httpGet.port).toBe(s.port);
    });

    it(`receives ${requiredEnv(s).join(', ')} directly or through the ConfigMap/Secrets`, () => {
      const env = envOf(container(), `Deployment ${s.name}`);
      expect(env).toEqual(expect.arrayContaining(requiredEnv(s)));
      const portEntry = list(container().env ?? [], 'env').map((e) => obj(e, 'env')).find((e) => e.name === portVariable(s));
      if (portEntry) expect(Number(portEntry.value)).toBe(s.port);
    });

    it('has a Service that selects its pods and forwards its port', () => {
      const svc = must('Service', s.name);
      const spec = obj(svc.spec, 'Service spec');
      const podLabels = obj(obj(obj(obj(deployment().spec, 'spec').template, 'template').metadata, 'metadata').labels, 'labels');
      expect(podLabels).toMatchObject(obj(spec.selector, 'selector'));
      const ports = list(spec.ports, 'Service ports').map((p) => obj(p, 'Service port'));
      expect(ports).toContainEqual(expect.objectContaining({ port: s.port, targetPort: s.port }));
    });
  });

  it('runs NATS as a 3-replica StatefulSet with JetStream and the production config', () => {
    const sts = must('StatefulSet', 'nats');
    expect(obj(sts.spec, 'nats spec').replicas).toBe(3);
    const container = onlyContainer(sts, 'StatefulSet nats');
    expect(atLeast(pinnedVersion(str(container.image, 'nats image')), [2, 10, 23])).toBe(true);
    expect(list(container.args, 'nats args')).toEqual(expect.arrayContaining(['-js', '-c', '/etc/nats/nats-server.conf']));
    const volumes = list(podSpec(sts, 'StatefulSet nats').volumes, 'nats volumes').map((v) => obj(v, 'volume'));
    const configVolume = volumes.find((v) => v.configMap !== undefined);
    const configMapName = str(obj(configVolume?.configMap, 'nats config volume').name, 'configMap name');
    const conf = obj(must('ConfigMap', configMapName).data, 'nats ConfigMap data')['nats-server.conf'];
    expect(conf).toBe(read('deploy', 'nats', 'nats-server.conf'));
  });

  it('keeps the secrets as clearly marked placeholders', () => {
    const secrets = resources().filter((r) => r.body.kind === 'Secret');
    expect(secrets.length).toBeGreaterThan(0);
    for (const { body } of secrets) {
      for (const value of Object.values(obj(body.stringData ?? {}, 'stringData'))) expect(String(value)).toContain('REPLACE_ME');
    }
  });
});

