import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PublicTimeline1732300000130 implements MigrationInterface {
  name = 'PublicTimeline1732300000130';

  async up(q: QueryRunner): Promise<void> {
    // What the citizen may see, projected from the other services' facts (名称 only, no staff, no PII).
    await q.query(`CREATE TABLE timeline_entry (
      id bigserial PRIMARY KEY,
      grievance_id uuid NOT NULL REFERENCES grievance (id),
      at timestamptz NOT NULL,
      kind text NOT NULL,
      detail jsonb NOT NULL DEFAULT '{}'
    )`);
    await q.query('CREATE INDEX timeline_grievance ON timeline_entry (grievance_id, at, id)');
    await q.query('ALTER TABLE grievance ADD COLUMN lead_unit_name text, ADD COLUMN due_at timestamptz, ADD COLUMN withdrawn_reason text');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE grievance DROP COLUMN withdrawn_reason, DROP COLUMN due_at, DROP COLUMN lead_unit_name');
    await q.query('DROP TABLE timeline_entry');
  }
}
