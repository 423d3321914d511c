import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataServiceConfig } from '@yikouban/config';
import type { EventContract, EventEnvelope } from '@yikouban/contracts';
import { Namespace, RpcClient } from '@yikouban/messaging';
import type { DataServiceSpec } from '@yikouban/service-kit';
import { startDataServiceInProcess, type RunningService } from './in-process-service';
import { JetStreamProbe } from './jetstream-probe';
import { createTestDatabase, TEST_NATS_URL, testNamespace, type TestDatabase } from './test-database';

export interface ServiceUnderTestOptions {
  /** Label of the test database (default: the service's name). */
  database?: string;
  /** Connect a pg client to the test database (default true). */
  pg?: boolean;
  /** Connect an RpcClient under this name (default `<service>-test`); false for none. */
  rpcName?: string | false;
  /** Runs once the service has migrated its database and before anything else connects (demo data). */
  seed?: (databaseUrl: string) => Promise<void>;
}

/** One data service in this process with its own database and namespace, and the test's windows on it. */
export interface ServiceUnderTest {
  db: TestDatabase;
  ns: Namespace;
  svc: RunningService;
  probe: JetStreamProbe;
  /** Only when asked for (options.pg, on by default); throws otherwise. */
  pg: Client;
  /** Only when asked for (options.rpcName, on by default); throws otherwise. */
  rpc: RpcClient;
  /** Publishes `data` as a fresh envelope of `contract` into the service's namespace; answers the envelope. */
  publish<T extends object>(contract: EventContract<T>, data: T): Promise<EventEnvelope<T>>;
  /** Tears everything down in reverse order, leaving no database and no streams behind. */
  close(): Promise<void>;
}

/**
 * Boots `spec` against a fresh database and namespace (`envExtra` adds to DATABASE_URL, NATS_URL and
 * YKB_NAMESPACE), then connects a JetStream probe and, unless told not to, a pg client and an RpcClient:
 * the start every service's integration specs share.
 */
export async function startServiceUnderTest<C extends DataServiceConfig & { port: number }>(
  spec: DataServiceSpec<C>,
  envExtra: Record<string, string> = {},
  options: ServiceUnderTestOptions = {},
): Promise<ServiceUnderTest> {
  const db = await createTestDatabase(options.database ?? spec.service);
  const ns = new Namespace(testNamespace());
  let svc: RunningService | undefined;
  let probe: JetStreamProbe | undefined;
  let pg: Client | undefined;
  let rpc: RpcClient | undefined;
  const close = async () => {
    await rpc?.close();
    await svc?.close();
    await pg?.end();
    await probe?.deleteStreams(ns.prefix);
    await probe?.close();
    await db.drop();
  };
  try {
    svc = await startDataServiceInProcess(spec, { DATABASE_URL: db.url, NATS_URL: TEST_NATS_URL, YKB_NAMESPACE: ns.prefix, ...envExtra });
    await options.seed?.(db.url);
    probe = await JetStreamProbe.connect(TEST_NATS_URL);
    if (options.pg !== false) {
      pg = new Client({ connectionString: db.url });
      await pg.connect();
    }
    if (options.rpcName !== false) {
      rpc = new RpcClient(ns, TEST_NATS_URL, options.rpcName ?? `${spec.service}-test`);
      await rpc.connect();
    }
  } catch (err) {
    await close().catch(() => undefined);
    throw err;
  }
  const started = { svc, probe, pg, rpc };
  return {
    db,
    ns,
    svc: started.svc,
    probe: started.probe,
    get pg(): Client {
      if (!started.pg) throw new Error('startServiceUnderTest: started with { pg: false }');
      return started.pg;
    },
    get rpc(): RpcClient {
      if (!started.rpc) throw new Error('startServiceUnderTest: started with { rpcName: false }');
      return started.rpc;
    },
    async publish<T extends object>(contract: EventContract<T>, data: T): Promise<EventEnvelope<T>> {
      const env: EventEnvelope<T> = { id: randomUUID(), type: contract.subject, v: contract.version, occurredAt: new Date().toISOString(), data };
      await started.probe.publish(ns.subject(contract.subject), env, env.id);
      return env;
    },
    close,
  };
}
