import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Oversight1732300000490 implements MigrationInterface {
  name = 'Oversight1732300000490';

  async up(q: QueryRunner): Promise<void> {
    // 督办单: one row per notice, where it stands and its due dates (working days from the calendar).
    await q.query(`CREATE TABLE supervision_notice (
      id uuid PRIMARY KEY,
      grievance_id uuid NOT NULL,
      tracking_code text NOT NULL,
      region_code text,
      org_code text NOT NULL,
      level text NOT NULL,
      listed boolean NOT NULL,
      demands text NOT NULL,
      state text NOT NULL,
      round int NOT NULL DEFAULT 0,
      respond_within_days int NOT NULL,
      issued_by text NOT NULL,
      issuer_org_code text,
      issued_at timestamptz NOT NULL,
      response_due_at timestamptz NOT NULL,
      fix_due_at timestamptz,
      accepted_at timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query('CREATE INDEX supervision_notice_recent ON supervision_notice (issued_at DESC, id DESC)');
    await q.query('CREATE INDEX supervision_notice_org ON supervision_notice (org_code, issued_at DESC)');
    await q.query('CREATE INDEX supervision_notice_grievance ON supervision_notice (grievance_id)');
    // The notices still waiting on someone: the overdue filter reads only these.
    await q.query(`CREATE INDEX supervision_notice_pending ON supervision_notice (response_due_at) WHERE state <> 'accepted'`);
    // The unit's written responses, one per round, with the issuer's verdict.
    await q.query(`CREATE TABLE notice_response (
      notice_id uuid NOT NULL REFERENCES supervision_notice (id),
      round int NOT NULL,
      actions text NOT NULL,
      result text NOT NULL,
      responded_by text NOT NULL,
      responded_at timestamptz NOT NULL,
      on_time boolean NOT NULL,
      verdict text,
      review_note text,
      reviewed_by text,
      reviewed_at timestamptz,
      PRIMARY KEY (notice_id, round)
    )`);
    // 包案: the leader who owns a case now.
    await q.query(`CREATE TABLE case_owner (
      grievance_id uuid PRIMARY KEY,
      tracking_code text NOT NULL,
      leader_user_id text NOT NULL,
      leader_name text,
      since timestamptz NOT NULL,
      plan text NOT NULL,
      assigned_by text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    // Repeat chains from intake's repeatOf: each grievance points at the first of its chain,
    // and the chain keeps its size, so the backlog reads a case's repeats without counting.
    await q.query(`CREATE TABLE repeat_member (
      grievance_id uuid PRIMARY KEY,
      root_id uuid NOT NULL
    )`);
    await q.query(`CREATE TABLE repeat_chain (
      root_id uuid PRIMARY KEY,
      members int NOT NULL
    )`);
    // The backlog walks open cases oldest first.
    await q.query('CREATE INDEX supervised_case_open_age ON supervised_case (received_at, grievance_id) WHERE open');
    // 专项治理.
    await q.query(`CREATE TABLE campaign (
      id uuid PRIMARY KEY,
      name text NOT NULL UNIQUE,
      description text,
      region_code text,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE TABLE campaign_case (
      campaign_id uuid NOT NULL REFERENCES campaign (id),
      grievance_id uuid NOT NULL,
      tracking_code text NOT NULL,
      added_by text NOT NULL,
      added_at timestamptz NOT NULL,
      PRIMARY KEY (campaign_id, grievance_id)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE campaign_case');
    await q.query('DROP TABLE campaign');
    await q.query('DROP INDEX supervised_case_open_age');
    await q.query('DROP TABLE repeat_chain');
    await q.query('DROP TABLE repeat_member');
    await q.query('DROP TABLE case_owner');
    await q.query('DROP TABLE notice_response');
    await q.query('DROP TABLE supervision_notice');
  }
}
