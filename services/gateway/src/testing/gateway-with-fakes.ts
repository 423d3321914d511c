import type { Msg } from '@nats-io/transport-node';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { randomUUID } from 'node:crypto';
import type { EventContract, FieldProblem, QueryContract } from '@yikouban/contracts';
import { Namespace } from '@yikouban/messaging';
import { createTestDatabase, JetStreamProbe, TEST_NATS_URL, testNamespace, type TestDatabase } from '@yikouban/testing';
import { gql, LOGIN, signIn, startGatewayInProcess, type InProcessGateway } from '../auth/testing/in-process-gateway';
import { DEMO_USERS } from '../identity/demo-identities';

/** What a fake service answers: Nest's NATS reply carries either `response` or `err`. */
export type FakeAnswer = { response: unknown } | { err: { code: string; message: string; fields?: FieldProblem[] } };

/** Makes a fake answer every request on a contract's subject (in this run's namespace). */
export type Respond = <Req extends object>(contract: QueryContract<Req, unknown>, answer: (data: Req) => FakeAnswer) => void;

export interface GatewayWithFakesOptions {
  /** Names the test database (`<name>_t_…`). */
  name: string;
  /** Gateway settings on top of the database, NATS and namespace (GATEWAY_RPC_TIMEOUT_MS is 2000 unless given). */
  env?: Record<string, string>;
  /** Registers the fakes; they are on the NATS server before the gateway starts. */
  responders?: (respond: Respond) => void;
  /** Sees every request a fake answers, before it answers. */
  onRequest?: (subject: string, data: unknown) => void;
}

/** A whole sign-in: both tokens and who holds them. */
export interface SignedIn {
  accessToken: string;
  refreshToken: string;
  user: { id: string };
}

export interface GatewayWithFakes {
  gateway: InProcessGateway;
  url: string;
  ns: Namespace;
  db: TestDatabase;
  /** The fakes' NATS connection, also a window on this run's JetStream streams. */
  nats: JetStreamProbe;
  /** Adds a fake during a test; resolves once the server has its subscription. */
  respond<Req extends object>(contract: QueryContract<Req, unknown>, answer: (data: Req) => FakeAnswer): Promise<void>;
  /** Signs a staff user in (a demo user's published password unless given) and returns the access token. */
  signIn(username: string, password?: string): Promise<string>;
  /** Signs a staff user in and returns the whole sign-in (both tokens and the user's id). */
  login(username: string, password?: string): Promise<SignedIn>;
  /** Publishes a fact on this run's namespace as its owning service would (JetStream, deduplicated by id). */
  publishFact<T extends object>(contract: EventContract<T>, data: T): Promise<void>;
  /** A lazy graphql-ws client on /graphql, signed with the token when given; disposed by close(). */
  socket(accessToken?: string): Client;
  /** Signs each demo user in: access tokens by username. */
  signInAll(usernames: readonly string[]): Promise<Record<string, string>>;
  /** Stops the gateway, deletes the namespace's streams, closes NATS and drops the database. */
  close(): Promise<void>;
}

/**
 * A gateway integration spec's world: the whole gateway in process against its own database and
 * NATS namespace, with the services it asks played by fakes that reply as Nest's NATS transport does.
 */
export async function startGatewayWithFakes(options: GatewayWithFakesOptions): Promise<GatewayWithFakes> {
  const ns = new Namespace(testNamespace());
  const nats = await JetStreamProbe.connect(TEST_NATS_URL);
  let db: TestDatabase | undefined;
  let gateway: InProcessGateway | undefined;
  const sockets: Client[] = [];

  const subscribe: Respond = (contract, answer) => {
    nats.nc.subscribe(ns.subject(contract.subject), {
      callback: (err: Error | null, msg: Msg) => {
        if (err) return;
        // Nest's framing: requests arrive as { pattern, data, id }; replies go back as { id, response | err, isDisposed }.
        const { id, data } = msg.json<{ id: string; data: Parameters<typeof answer>[0] }>();
        options.onRequest?.(contract.subject, data);
        msg.respond(JSON.stringify({ id, ...answerOrExplain(contract.subject, () => answer(data)), isDisposed: true }));
      },
    });
  };

  const close = async (): Promise<void> => {
    const steps = [() => Promise.all(sockets.map((c) => c.dispose())), () => gateway?.close(), () => nats.deleteStreams(ns.prefix), () => nats.close(), () => db?.drop()];
    let first: unknown;
    for (const step of steps) {
      try {
        await step();
      } catch (e) {
        first ??= e;
      }
    }
    if (first !== undefined) throw first;
  };

  try {
    options.responders?.(subscribe);
    await nats.nc.flush(); // the fakes are subscribed on the server before anyone asks
    db = await createTestDatabase(options.name);
    gateway = await startGatewayInProcess({ GATEWAY_RPC_TIMEOUT_MS: '2000', ...options.env, DATABASE_URL: db.url, NATS_URL: TEST_NATS_URL, YKB_NAMESPACE: ns.prefix });
  } catch (e) {
    await close().catch(() => undefined); // the start-up error is the one worth reading
    throw e;
  }

  const url = gateway.url;
  const signInAs = (username: string, password?: string): Promise<string> => signIn(url, username, password ?? demoPassword(username));
  return {
    gateway,
    url,
    ns,
    db,
    nats,
    async respond(contract, answer) {
      subscribe(contract, answer);
      await nats.nc.flush();
    },
    signIn: signInAs,
    async login(username, password) {
      const res = await gql<{ login: SignedIn }>(url, LOGIN, { username, password: password ?? demoPassword(username) });
      if (!res.data?.login) throw new Error(`sign-in as ${username} failed: ${JSON.stringify(res.errors)}`);
      return res.data.login;
    },
    socket(accessToken) {
      const connectionParams = accessToken ? { authorization: `Bearer ${accessToken}` } : {};
      const client = createClient({ url: url.replace(/^http/, 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
      sockets.push(client);
      return client;
    },
    async publishFact(contract, data) {
      const id = randomUUID();
      await nats.publish(ns.subject(contract.subject), { id, type: contract.subject, v: contract.version, occurredAt: new Date().toISOString(), data }, id);
    },
    async signInAll(usernames) {
      const tokens: Record<string, string> = {};
      for (const username of usernames) tokens[username] = await signInAs(username);
      return tokens;
    },
    close,
  };
}

function demoPassword(username: string): string {
  const user = DEMO_USERS.find((u) => u.username === username);
  if (!user) throw new Error(`no demo user "${username}" (known: ${DEMO_USERS.map((u) => u.username).join(', ')}); pass the password`);
  return user.password;
}

/** A fake that throws answers INTERNAL naming itself, rather than leaving the gateway to time out. */
function answerOrExplain(subject: string, answer: () => FakeAnswer): FakeAnswer {
  try {
    return answer();
  } catch (e) {
    return { err: { code: 'INTERNAL', message: `the fake for ${subject} threw: ${e instanceof Error ? e.message : String(e)}` } };
  }
}
