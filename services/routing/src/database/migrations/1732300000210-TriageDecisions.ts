import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TriageDecisions1732300000210 implements MigrationInterface {
  name = 'TriageDecisions1732300000210';

  async up(q: QueryRunner): Promise<void> {
    // Every triage decision is kept; an override is a new row that names the one it replaces.
    await q.query(`CREATE TABLE triage_decision (
      id uuid PRIMARY KEY,
      grievance_id uuid NOT NULL,
      category_code text,
      statutory_path text NOT NULL,
      diversion text,
      complexity text NOT NULL,
      colour text NOT NULL,
      colour_policy text NOT NULL,
      reason jsonb NOT NULL,
      guided_to text,
      decided_by text NOT NULL,
      decided_at timestamptz NOT NULL,
      replaces uuid REFERENCES triage_decision (id),
      override_reason text
    )`);
    await q.query('CREATE INDEX triage_grievance ON triage_decision (grievance_id, decided_at DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE triage_decision');
  }
}
