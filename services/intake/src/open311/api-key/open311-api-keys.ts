import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Open311Error } from '../open311.errors';
import { OPEN311_OPTIONS, type Open311Options } from '../open311.options';
import { Open311ApiKey } from './open311-api-key.entity';

/** The demo data's key, documented in the README; refused whenever NODE_ENV=production. */
export const OPEN311_DEMO_API_KEY = 'ykb-demo-open311-key';
const DEMO_KEY_NAME = '演示密钥 (demo key)';

/** Keys are kept only as SHA-256: a stolen table does not let anyone post. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Anything that runs SQL: a DataSource, an EntityManager, a QueryRunner. */
type Sql = { query: (sql: string, params?: unknown[]) => Promise<unknown> };

/** Issues a new key for a client system; the key is returned once and never stored in clear. */
export async function issueOpen311ApiKey(db: Sql, name: string, now = new Date()): Promise<{ id: string; key: string }> {
  const id = randomUUID();
  const key = `ykb_${randomBytes(24).toString('base64url')}`;
  await db.query('INSERT INTO open311_api_key (id, name, key_hash, active, created_at) VALUES ($1, $2, $3, true, $4)', [id, name, hashApiKey(key), now]);
  return { id, key };
}

/**
 * Demo data: the README's key, idempotent (safe at every seed). Does nothing in production,
 * where the key would be refused anyway. Returns whether the key is now present.
 */
export async function seedOpen311DemoKey(db: Sql, production = false): Promise<boolean> {
  if (production) return false;
  await db.query(
    `INSERT INTO open311_api_key (id, name, key_hash, active, created_at) VALUES ($1, $2, $3, true, now())
     ON CONFLICT (key_hash) DO NOTHING`,
    [randomUUID(), DEMO_KEY_NAME, hashApiKey(OPEN311_DEMO_API_KEY)],
  );
  return true;
}

/** The client behind a valid key. */
export interface Open311Client {
  id: string;
  name: string;
}

const NO_KEY = 'api_key 未提供 (api_key was not provided)';
const BAD_KEY = 'api_key 无效或已停用 (api_key is not valid)';

@Injectable()
export class Open311ApiKeys {
  constructor(
    private readonly db: DataSource,
    @Inject(OPEN311_OPTIONS) private readonly options: Pick<Open311Options, 'production'>,
  ) {}

  /** 403 in the spec's words for a missing, unknown, inactive — or, in production, the demo — key. */
  async authenticate(apiKey: unknown): Promise<Open311Client> {
    if (typeof apiKey !== 'string' || apiKey.trim() === '') throw Open311Error.forbidden(NO_KEY);
    if (this.options.production && apiKey === OPEN311_DEMO_API_KEY) throw Open311Error.forbidden(BAD_KEY);
    const row = await this.db.getRepository(Open311ApiKey).findOneBy({ keyHash: hashApiKey(apiKey), active: true });
    if (!row) throw Open311Error.forbidden(BAD_KEY);
    return { id: row.id, name: row.name };
  }
}
