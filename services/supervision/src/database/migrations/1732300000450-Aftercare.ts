import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Aftercare1732300000450 implements MigrationInterface {
  name = 'Aftercare1732300000450';

  async up(q: QueryRunner): Promise<void> {
    // One row per replied grievance: where it stands after the reply (信访工作条例 第三十二至三十六条).
    await q.query(`CREATE TABLE aftercare (
      grievance_id uuid PRIMARY KEY,
      tracking_code text NOT NULL UNIQUE,
      region_code text,
      status text NOT NULL,
      round int NOT NULL,
      final boolean NOT NULL DEFAULT false,
      last_answer_kind text NOT NULL,
      last_answer_org text,
      last_answer_at timestamptz NOT NULL,
      reply_assignment_id uuid,
      reply_at timestamptz NOT NULL,
      review_window_ends_at timestamptz NOT NULL,
      closed_at timestamptz,
      cease_commitment boolean NOT NULL DEFAULT false,
      closure_note text,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE return_visit (
      id uuid PRIMARY KEY,
      grievance_id uuid NOT NULL REFERENCES aftercare (grievance_id),
      round int NOT NULL,
      answer_kind text NOT NULL,
      scheduled_at timestamptz NOT NULL,
      due_at timestamptz,
      completed_at timestamptz,
      UNIQUE (grievance_id, round)
    )`);
    await q.query(`CREATE TABLE evaluation (
      id uuid PRIMARY KEY,
      grievance_id uuid NOT NULL REFERENCES aftercare (grievance_id),
      round int NOT NULL,
      answer_kind text NOT NULL,
      result text NOT NULL,
      resolved boolean NOT NULL,
      channel text NOT NULL,
      by_kind text NOT NULL,
      by_user text,
      comment text,
      at timestamptz NOT NULL,
      UNIQUE (grievance_id, round)
    )`);
    await q.query(`CREATE TABLE review_request (
      id uuid PRIMARY KEY,
      grievance_id uuid NOT NULL REFERENCES aftercare (grievance_id),
      level text NOT NULL,
      reason text NOT NULL,
      by_kind text NOT NULL,
      by_user text,
      requested_at timestamptz NOT NULL,
      window_ends_at timestamptz NOT NULL,
      answer_due_at timestamptz NOT NULL,
      policy_code text NOT NULL,
      answered_at timestamptz,
      conclusion text,
      opinion text,
      answered_by text,
      on_time boolean,
      next_window_ends_at timestamptz,
      UNIQUE (grievance_id, level)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE review_request');
    await q.query('DROP TABLE evaluation');
    await q.query('DROP TABLE return_visit');
    await q.query('DROP TABLE aftercare');
  }
}
