import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAttachments1732300000110 implements MigrationInterface {
  name = 'CreateAttachments1732300000110';

  async up(q: QueryRunner): Promise<void> {
    // Metadata only: the bytes live in attachment storage under storage_key.
    await q.query(`CREATE TABLE attachment (
      id uuid PRIMARY KEY,
      grievance_id uuid NOT NULL REFERENCES grievance (id),
      original_name text NOT NULL,
      content_type text NOT NULL,
      size_bytes int NOT NULL CHECK (size_bytes >= 0),
      sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      storage_key text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL
    )`);
    await q.query('CREATE INDEX attachment_grievance ON attachment (grievance_id, created_at, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE attachment');
  }
}
