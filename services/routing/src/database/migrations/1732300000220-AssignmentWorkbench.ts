import type { MigrationInterface, QueryRunner } from 'typeorm';

const WORKING = `('created','accepted','in_progress')`;

/** The unit's workbench: the assignment's lifecycle columns, its handling record, replies and handovers. */
export class AssignmentWorkbench1732300000220 implements MigrationInterface {
  name = 'AssignmentWorkbench1732300000220';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE assignment
      ADD COLUMN return_deadline_at timestamptz,
      ADD COLUMN accepted_at timestamptz,
      ADD COLUMN returned_at timestamptz,
      ADD COLUMN return_reason text,
      ADD COLUMN replaces_assignment_id uuid REFERENCES assignment (id),
      ADD COLUMN dispute_id uuid,
      ADD COLUMN binding_decision_id uuid,
      ADD COLUMN case_leader jsonb,
      ADD COLUMN closed_at timestamptz`);
    // Rows made before this migration get a calendar-free estimate: 5 working days are at least 7 days.
    await q.query(`UPDATE assignment SET return_deadline_at = created_at + interval '7 days' WHERE return_deadline_at IS NULL`);
    await q.query('ALTER TABLE assignment ALTER COLUMN return_deadline_at SET NOT NULL');
    await q.query(`ALTER TABLE assignment ADD CONSTRAINT assignment_status_known CHECK (status IN
      ('created','accepted','in_progress','replied','awaiting_reassignment','disputed','reassigned','handed_over','redirected','closed'))`);
    // A unit may be assigned the same grievance again after a return (a binding decision often names it):
    // one open assignment per unit and one working lead per grievance, instead of one row ever.
    await q.query('ALTER TABLE assignment DROP CONSTRAINT assignment_grievance_id_role_org_code_key');
    await q.query(`CREATE UNIQUE INDEX assignment_one_open_per_unit ON assignment (grievance_id, org_code)
      WHERE status IN ('created','accepted','in_progress','awaiting_reassignment','disputed')`);
    await q.query(`CREATE UNIQUE INDEX assignment_one_working_lead ON assignment (grievance_id) WHERE role = 'lead' AND status IN ${WORKING}`);
    await q.query('CREATE INDEX assignment_inbox ON assignment (org_code, created_at DESC, id DESC)');
    await q.query('CREATE INDEX assignment_grievance ON assignment (grievance_id)');

    // The handling record (办理过程): every step, who took it, and what it said.
    await q.query(`CREATE TABLE assignment_activity (
      id uuid PRIMARY KEY,
      seq bigint GENERATED ALWAYS AS IDENTITY,
      assignment_id uuid NOT NULL REFERENCES assignment (id),
      kind text NOT NULL,
      actor_user_id text,
      actor_org_code text,
      at timestamptz NOT NULL,
      detail jsonb NOT NULL DEFAULT '{}'
    )`);
    await q.query('CREATE INDEX assignment_activity_of ON assignment_activity (assignment_id, seq)');

    // 协办意见: a co-unit's text for the lead's reply, kept apart so the reply gathers them — by
    // grievance, so what went to a lead that later handed over still reaches the reply.
    await q.query(`CREATE TABLE reply_contribution (
      id uuid PRIMARY KEY,
      grievance_id uuid NOT NULL,
      lead_assignment_id uuid NOT NULL REFERENCES assignment (id),
      from_assignment_id uuid NOT NULL REFERENCES assignment (id),
      org_code text NOT NULL,
      org_name text NOT NULL,
      text text NOT NULL,
      by_user_id text NOT NULL,
      at timestamptz NOT NULL
    )`);
    await q.query('CREATE INDEX reply_contribution_grievance ON reply_contribution (grievance_id, at)');
    await q.query('CREATE INDEX reply_contribution_from ON reply_contribution (from_assignment_id, at)');

    // 处理意见书 (第三十二条): one per lead assignment.
    await q.query(`CREATE TABLE assignment_reply (
      assignment_id uuid PRIMARY KEY REFERENCES assignment (id),
      conclusion text NOT NULL CHECK (conclusion IN ('support','explain','not_support')),
      letter jsonb NOT NULL,
      contributions jsonb NOT NULL,
      by_user_id text NOT NULL,
      by_org_code text NOT NULL,
      replied_at timestamptz NOT NULL
    )`);

    // 首接负责制: the asking unit keeps the case until the unit asked accepts.
    await q.query(`CREATE TABLE assignment_handover (
      id uuid PRIMARY KEY,
      assignment_id uuid NOT NULL REFERENCES assignment (id),
      grievance_id uuid NOT NULL,
      from_org_code text NOT NULL,
      to_org_code text NOT NULL REFERENCES organisation (code),
      to_org_name text NOT NULL,
      reason text NOT NULL,
      status text NOT NULL CHECK (status IN ('requested','accepted','declined')),
      requested_by text NOT NULL,
      requested_at timestamptz NOT NULL,
      decided_by text,
      decided_at timestamptz,
      decline_reason text,
      new_assignment_id uuid REFERENCES assignment (id)
    )`);
    await q.query(`CREATE UNIQUE INDEX handover_one_pending ON assignment_handover (assignment_id) WHERE status = 'requested'`);
    await q.query(`CREATE INDEX handover_pending_to ON assignment_handover (to_org_code) WHERE status = 'requested'`);
    await q.query(`CREATE INDEX handover_pending_from ON assignment_handover (from_org_code) WHERE status = 'requested'`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['assignment_handover', 'assignment_reply', 'reply_contribution', 'assignment_activity']) await q.query(`DROP TABLE ${t}`);
    for (const i of ['assignment_grievance', 'assignment_inbox', 'assignment_one_working_lead', 'assignment_one_open_per_unit']) await q.query(`DROP INDEX ${i}`);
    await q.query('ALTER TABLE assignment ADD CONSTRAINT assignment_grievance_id_role_org_code_key UNIQUE (grievance_id, role, org_code)');
    await q.query('ALTER TABLE assignment DROP CONSTRAINT assignment_status_known');
    await q.query(`ALTER TABLE assignment
      DROP COLUMN closed_at, DROP COLUMN case_leader, DROP COLUMN binding_decision_id, DROP COLUMN dispute_id,
      DROP COLUMN replaces_assignment_id, DROP COLUMN return_reason, DROP COLUMN returned_at, DROP COLUMN accepted_at,
      DROP COLUMN return_deadline_at`);
  }
}
