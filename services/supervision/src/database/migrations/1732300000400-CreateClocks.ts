import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateClocks1732300000400 implements MigrationInterface {
  name = 'CreateClocks1732300000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE clock (
      id uuid PRIMARY KEY,
      grievance_id uuid NOT NULL,
      subject_id uuid NOT NULL,
      step text NOT NULL,
      policy_code text NOT NULL,
      state text NOT NULL CHECK (state IN ('running','paused','stopped','breached')),
      started_at timestamptz NOT NULL,
      due_at timestamptz NOT NULL,
      history jsonb NOT NULL DEFAULT '[]',
      UNIQUE (subject_id, step)
    )`);
    await q.query('CREATE INDEX clock_grievance ON clock (grievance_id)');
    // The overdue / near-overdue boards read running clocks by due time.
    await q.query(`CREATE INDEX clock_running_due ON clock (due_at) WHERE state = 'running'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE clock');
  }
}
