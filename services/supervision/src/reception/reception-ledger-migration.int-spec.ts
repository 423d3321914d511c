import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { runMigrations } from '@yikouban/persistence';
import { PiiCipher } from '@yikouban/pii';
import { createTestDatabase, type TestDatabase } from '@yikouban/testing';
import { supervisionDataSourceOptions } from '../database/data-source';

const PII_KEYS = `m1:${randomBytes(32).toString('base64')}`;
const PROTECT = 'ProtectReceptionLedger1732300000590';
/** Ledger entries written before the migration: more than one batch of it. */
const LEGACY = 501;

/** The service's migrations up to (and, with `through`, including) the one that protects the ledger. */
function migrationsUpTo(url: string, through: boolean): DataSourceOptions {
  const options = supervisionDataSourceOptions(url, PII_KEYS);
  const timestampOf = (m: unknown) => (m as { name: string }).name.slice(-13);
  const last = PROTECT.slice(-13);
  return { ...options, migrations: (options.migrations as unknown[]).filter((m) => (through ? timestampOf(m) <= last : timestampOf(m) < last)) as DataSourceOptions['migrations'] };
}

describe('the migration that encrypts the reception ledger (real PostgreSQL)', () => {
  let db: TestDatabase;
  let pg: Client;

  beforeAll(async () => {
    db = await createTestDatabase('supervision_ledger');
    await runMigrations(migrationsUpTo(db.url, false));
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    // Entries written in plaintext before the migration existed.
    await pg.query(`INSERT INTO supervision.reception_day (id, leader_id, leader_name, org_code, day, slot, slot_starts_at, place, legal_adviser_id, legal_adviser_name, capacity)
      VALUES ('00000000-0000-4000-8000-000000000001', 'leader-1', '副县长甲', 'county_government', '2026-03-02', 'morning', '2026-03-02T00:30:00Z', '接待室', 'lawyer-1', '律师乙', 50)`);
    await pg.query(`INSERT INTO supervision.reception_appointment (id, reception_day_id, grievance_id, status, booked_at)
      SELECT md5('a' || n)::uuid, '00000000-0000-4000-8000-000000000001', md5('g' || n)::uuid, 'received', now() FROM generate_series(1, ${LEGACY}) AS n`);
    await pg.query(`INSERT INTO supervision.reception_record (id, appointment_id, grievance_id, who_received, headcount, summary, outcome, received_at)
      SELECT md5('r' || n)::uuid, md5('a' || n)::uuid, md5('g' || n)::uuid, '信访人王' || n || '号', 1, '旧台账', 'explained', now() FROM generate_series(1, ${LEGACY}) AS n`);
  });

  afterAll(async () => {
    await pg?.end();
    await db?.drop();
  });

  const names = async (): Promise<Map<string, string>> => {
    const cipher = PiiCipher.fromKeyRing(PII_KEYS);
    const rows = (await pg.query('SELECT id, who_received_cipher FROM supervision.reception_record')).rows as { id: string; who_received_cipher: string }[];
    return new Map(rows.map((r) => [r.id, cipher.decrypt(r.who_received_cipher, `reception_record:${r.id}:who_received`)]));
  };
  const columns = async () => (await pg.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'supervision' AND table_name = 'reception_record'`)).rows.map((r) => r.column_name as string);

  it('encrypts every existing entry and drops the plaintext column', async () => {
    const before = (await pg.query('SELECT id, who_received FROM supervision.reception_record')).rows as { id: string; who_received: string }[];
    expect(before).toHaveLength(LEGACY);
    expect(await runMigrations(migrationsUpTo(db.url, true))).toEqual([PROTECT]);

    expect(await columns()).toEqual(expect.arrayContaining(['who_received_cipher', 'phone_cipher', 'id_number_cipher']));
    expect(await columns()).not.toContain('who_received');
    const dump = JSON.stringify((await pg.query('SELECT * FROM supervision.reception_record')).rows);
    expect(dump).not.toContain('信访人王');
    expect(await names()).toEqual(new Map(before.map((r) => [r.id, r.who_received])));
    const nulls = (await pg.query('SELECT count(*)::int AS n FROM supervision.reception_record WHERE phone_cipher IS NOT NULL OR id_number_cipher IS NOT NULL')).rows[0].n;
    expect(nulls).toBe(0);
  });

  it('reverts to plaintext names and encrypts them again', async () => {
    const encrypted = await names();
    const ds = new DataSource(migrationsUpTo(db.url, true));
    await ds.initialize();
    try {
      await ds.undoLastMigration({ transaction: 'each' });
    } finally {
      await ds.destroy();
    }
    const plain = (await pg.query('SELECT id, who_received FROM supervision.reception_record')).rows as { id: string; who_received: string }[];
    expect(new Map(plain.map((r) => [r.id, r.who_received]))).toEqual(encrypted);
    expect(await columns()).not.toContain('who_received_cipher');

    expect(await runMigrations(migrationsUpTo(db.url, true))).toEqual([PROTECT]);
    expect(await names()).toEqual(encrypted);
  });
});
