import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Open311ApiKeys1732300000150 implements MigrationInterface {
  name = 'Open311ApiKeys1732300000150';

  async up(q: QueryRunner): Promise<void> {
    // Client systems allowed to POST Open311 requests; the key itself is never stored, only its SHA-256.
    await q.query(`
      CREATE TABLE open311_api_key (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        key_hash text NOT NULL UNIQUE CHECK (key_hash ~ '^[0-9a-f]{64}$'),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // What an Open311 submission carries beyond the grievance: its token, the client, the
    // address as given (with or without coordinates) and the photo link.
    await q.query(`
      CREATE TABLE open311_request (
        grievance_id uuid PRIMARY KEY REFERENCES grievance (id),
        token text NOT NULL UNIQUE,
        api_key_id uuid NOT NULL REFERENCES open311_api_key (id),
        address_string text,
        address_id text,
        media_url text,
        attributes jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL
      )`);
    // GET requests reads Open311 grievances newest first within a date range.
    await q.query(`CREATE INDEX grievance_open311_received ON grievance (received_at DESC) WHERE channel = 'open311'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX grievance_open311_received');
    await q.query('DROP TABLE open311_request');
    await q.query('DROP TABLE open311_api_key');
  }
}
