import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateGrievances1732300000100 implements MigrationInterface {
  name = 'CreateGrievances1732300000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE petitioner (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      phone_cipher text,
      phone_index text,
      id_number_cipher text,
      id_number_index text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query('CREATE INDEX petitioner_phone_index ON petitioner (phone_index)');
    await q.query('CREATE INDEX petitioner_id_number_index ON petitioner (id_number_index)');
    // Tracking codes number grievances without a hot counter row: a sequence never blocks.
    await q.query('CREATE SEQUENCE tracking_seq START 1');
    await q.query(`CREATE TABLE grievance (
      id uuid PRIMARY KEY,
      tracking_code text NOT NULL UNIQUE,
      secret_hash text NOT NULL,
      channel text NOT NULL,
      status text NOT NULL,
      region_code text NOT NULL,
      category_code text,
      description text NOT NULL,
      headcount int NOT NULL CHECK (headcount >= 1),
      collective boolean NOT NULL,
      petitioner_id uuid REFERENCES petitioner (id),
      channel_details jsonb NOT NULL DEFAULT '{}',
      received_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )`);
    await q.query('CREATE INDEX grievance_petitioner ON grievance (petitioner_id, received_at DESC)');
    await q.query('CREATE INDEX grievance_region_received ON grievance (region_code, received_at DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE grievance');
    await q.query('DROP SEQUENCE tracking_seq');
    await q.query('DROP TABLE petitioner');
  }
}
