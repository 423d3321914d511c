import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 第二十四条: units that each returned a grievance, the body that decides, and its binding decision. */
export class JurisdictionDisputes1732300000230 implements MigrationInterface {
  name = 'JurisdictionDisputes1732300000230';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE jurisdiction_dispute (
      id uuid PRIMARY KEY,
      grievance_id uuid NOT NULL,
      tracking_code text NOT NULL,
      status text NOT NULL CHECK (status IN ('open','decided')),
      basis text NOT NULL CHECK (basis IN ('common_superior','joint_conference')),
      escalated_to_org_code text NOT NULL REFERENCES organisation (code),
      escalated_to_org_name text NOT NULL,
      opened_at timestamptz NOT NULL,
      decision jsonb,
      decided_at timestamptz
    )`);
    await q.query(`CREATE UNIQUE INDEX dispute_one_open ON jurisdiction_dispute (grievance_id) WHERE status = 'open'`);
    await q.query('CREATE INDEX dispute_escalated_to ON jurisdiction_dispute (escalated_to_org_code, status, opened_at DESC)');
    await q.query('ALTER TABLE assignment ADD CONSTRAINT assignment_dispute FOREIGN KEY (dispute_id) REFERENCES jurisdiction_dispute (id)');
    await q.query('ALTER TABLE assignment ADD CONSTRAINT assignment_binding_decision FOREIGN KEY (binding_decision_id) REFERENCES jurisdiction_dispute (id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE assignment DROP CONSTRAINT assignment_binding_decision');
    await q.query('ALTER TABLE assignment DROP CONSTRAINT assignment_dispute');
    await q.query('DROP TABLE jurisdiction_dispute');
  }
}
