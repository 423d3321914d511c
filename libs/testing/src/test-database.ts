import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Where tests find PostgreSQL: the same server the system uses, a database of their own. */
export const TEST_PG_ADMIN_URL = process.env.YKB_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh database per test file, so parallel and repeated runs never see each other's rows. */
export async function createTestDatabase(label = 'ykb'): Promise<TestDatabase> {
  const name = `${label}_t_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: TEST_PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const c = new Client({ connectionString: TEST_PG_ADMIN_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** A NATS subject/stream prefix of its own for each test file. */
export function testNamespace(): string {
  return `t${randomBytes(5).toString('hex')}`;
}

export const TEST_NATS_URL = process.env.YKB_TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
