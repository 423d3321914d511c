import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadConfig } from '@yikouban/config';
import { JsonLogger } from '@yikouban/observability';
import { runMigrations } from '@yikouban/persistence';
import { createServiceApp } from '@yikouban/service-kit';
import { AppModule } from '../../app.module';
import { GatewayConfig } from '../../config/gateway.config';
import { gatewayDataSourceOptions } from '../../database/data-source';
import { seedDemoIdentities } from '../../identity/seed-demo-identities';

export interface InProcessGateway {
  app: INestApplication;
  url: string;
  config: GatewayConfig;
  close(): Promise<void>;
}

/**
 * The whole gateway in this process, as main.ts starts it (migrations first), on a free port,
 * against the database and namespace in `env`; seeds the demo identities unless told not to.
 */
export async function startGatewayInProcess(env: Record<string, string>, options: { seed?: boolean } = {}): Promise<InProcessGateway> {
  const config = loadConfig(GatewayConfig, { NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env });
  const logger = new JsonLogger('gateway', config.logLevel);
  const dataSource = gatewayDataSourceOptions(config.databaseUrl);
  await runMigrations(dataSource);
  if (options.seed !== false) {
    const db = new DataSource(dataSource);
    await db.initialize();
    try {
      await seedDemoIdentities(db, config.nodeEnv === 'production', logger);
    } finally {
      await db.destroy();
    }
  }
  const app = await createServiceApp({ service: 'gateway', module: AppModule.forRoot(config, logger), port: 0, natsUrl: config.natsUrl, namespace: config.namespace, logger, rpc: false });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, url, config, close: () => app.close() };
}

export interface GraphqlAnswer<T> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

/** POSTs one GraphQL operation, with a bearer token when given. */
export async function gql<T = Record<string, unknown>>(url: string, query: string, variables: Record<string, unknown> = {}, accessToken?: string): Promise<GraphqlAnswer<T>> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GraphqlAnswer<T>;
}

export const LOGIN = `mutation ($username: String!, $password: String!) {
  login(username: $username, password: $password) {
    accessToken refreshToken expiresIn
    user { id username displayName role orgCode regionCode }
  }
}`;

/** Signs a staff user in and returns the access token; throws with the server's errors otherwise. */
export async function signIn(url: string, username: string, password: string): Promise<string> {
  const res = await gql<{ login: { accessToken: string } }>(url, LOGIN, { username, password });
  if (!res.data?.login) throw new Error(`sign-in as ${username} failed: ${JSON.stringify(res.errors)}`);
  return res.data.login.accessToken;
}
