import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { JsonLogger } from '@yikouban/observability';
import { DEMO_API_CLIENT, DEMO_USERS } from './demo-identities';
import { hashSecret } from './secret-hasher';

export interface SeedResult {
  usersCreated: number;
  clientsCreated: number;
}

/**
 * Creates the demo users and API client that do not exist yet (by user name / client id), so it
 * is safe at every start and never overwrites a password an administrator changed. Does nothing
 * in production: demo passwords are public.
 */
export async function seedDemoIdentities(db: DataSource, production: boolean, logger: JsonLogger): Promise<SeedResult | null> {
  if (production) {
    logger.event('warn', 'demo users not seeded: NODE_ENV=production refuses published demo passwords', {}, 'Seed');
    return null;
  }
  let usersCreated = 0;
  for (const u of DEMO_USERS) {
    const rows: unknown[] = await db.query(
      `INSERT INTO staff_user (id, username, display_name, password_hash, role, org_code, region_code, active)
       VALUES ($1, $2, $3, $4, $5, $6, $7, true) ON CONFLICT (username) DO NOTHING RETURNING id`,
      [randomUUID(), u.username, u.displayName, await hashSecret(u.password), u.role, u.orgCode, u.regionCode],
    );
    usersCreated += rows.length;
  }
  const c = DEMO_API_CLIENT;
  const clients: unknown[] = await db.query(
    `INSERT INTO api_client (id, client_id, secret_hash, name, scopes, active)
     VALUES ($1, $2, $3, $4, $5, true) ON CONFLICT (client_id) DO NOTHING RETURNING id`,
    [randomUUID(), c.clientId, await hashSecret(c.secret), c.name, c.scopes],
  );
  const result = { usersCreated, clientsCreated: clients.length };
  logger.event('info', 'demo users and API client seeded', { ...result, users: DEMO_USERS.map((u) => u.username), client: c.clientId }, 'Seed');
  return result;
}
