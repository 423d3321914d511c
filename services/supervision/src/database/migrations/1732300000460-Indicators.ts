import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Indicators1732300000460 implements MigrationInterface {
  name = 'Indicators1732300000460';

  async up(q: QueryRunner): Promise<void> {
    // Where each grievance counts: its region, its lead unit and its category as the facts tell them.
    await q.query(`CREATE TABLE supervised_case (
      grievance_id uuid PRIMARY KEY,
      tracking_code text,
      region_code text NOT NULL DEFAULT '',
      org_code text NOT NULL DEFAULT '',
      category_code text NOT NULL DEFAULT '',
      open boolean NOT NULL DEFAULT false,
      received_at timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    // Counters per Beijing day and dimension, bumped by the facts: indicators sum these, never history.
    await q.query(`CREATE TABLE indicator_tally (
      day date NOT NULL,
      region_code text NOT NULL,
      org_code text NOT NULL,
      category_code text NOT NULL,
      received int NOT NULL DEFAULT 0,
      repeats int NOT NULL DEFAULT 0,
      assigned int NOT NULL DEFAULT 0,
      responded int NOT NULL DEFAULT 0,
      replied int NOT NULL DEFAULT 0,
      replied_on_time int NOT NULL DEFAULT 0,
      replied_late int NOT NULL DEFAULT 0,
      evaluated int NOT NULL DEFAULT 0,
      satisfied int NOT NULL DEFAULT 0,
      basically_satisfied int NOT NULL DEFAULT 0,
      not_satisfied int NOT NULL DEFAULT 0,
      resolved int NOT NULL DEFAULT 0,
      closed int NOT NULL DEFAULT 0,
      breached int NOT NULL DEFAULT 0,
      PRIMARY KEY (day, region_code, org_code, category_code)
    )`);
    await q.query('CREATE INDEX indicator_tally_region ON indicator_tally (region_code text_pattern_ops, day)');
    await q.query('CREATE INDEX indicator_tally_org ON indicator_tally (org_code, day)');
    // Open grievances now, per dimension (积存): moved as a case's dimensions change, never counted by scanning.
    await q.query(`CREATE TABLE backlog_tally (
      region_code text NOT NULL,
      org_code text NOT NULL,
      category_code text NOT NULL,
      open_count int NOT NULL DEFAULT 0,
      PRIMARY KEY (region_code, org_code, category_code)
    )`);
    // The overdue / near-overdue board reads only the clocks that need attention.
    await q.query(`CREATE INDEX clock_board ON clock (due_at, id) WHERE state = 'breached' OR (state IN ('running','paused') AND warnings_sent > 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX clock_board');
    await q.query('DROP TABLE backlog_tally');
    await q.query('DROP TABLE indicator_tally');
    await q.query('DROP TABLE supervised_case');
  }
}
