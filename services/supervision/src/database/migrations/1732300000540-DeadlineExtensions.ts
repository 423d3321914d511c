import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DeadlineExtensions1732300000540 implements MigrationInterface {
  name = 'DeadlineExtensions1732300000540';

  async up(q: QueryRunner): Promise<void> {
    // 延期申请 (信访工作条例 第三十四条): one pending request per clock at a time, one approved ever.
    await q.query(`CREATE TABLE deadline_extension (
      id uuid PRIMARY KEY,
      grievance_id uuid NOT NULL,
      clock_id uuid NOT NULL REFERENCES clock (id),
      days int NOT NULL CHECK (days BETWEEN 1 AND 30),
      reason text NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'refused')),
      requested_by text NOT NULL,
      requested_org text,
      requested_at timestamptz NOT NULL,
      decided_by text,
      decided_at timestamptz,
      note text,
      previous_due_at timestamptz NOT NULL,
      new_due_at timestamptz,
      CHECK ((status = 'pending') = (decided_at IS NULL)),
      CHECK ((status = 'approved') = (new_due_at IS NOT NULL))
    )`);
    await q.query(`CREATE UNIQUE INDEX deadline_extension_one_pending ON deadline_extension (clock_id) WHERE status = 'pending'`);
    await q.query(`CREATE UNIQUE INDEX deadline_extension_one_approved ON deadline_extension (clock_id) WHERE status = 'approved'`);
    await q.query(`CREATE INDEX deadline_extension_grievance ON deadline_extension (grievance_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE deadline_extension');
  }
}
