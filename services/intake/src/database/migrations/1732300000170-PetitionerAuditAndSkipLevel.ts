import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PetitionerAuditAndSkipLevel1732300000170 implements MigrationInterface {
  name = 'PetitionerAuditAndSkipLevel1732300000170';

  async up(q: QueryRunner): Promise<void> {
    // 检举控告 (Art 30) and 越级 (Art 20) are decided at intake and kept with the grievance.
    await q.query(`ALTER TABLE grievance
      ADD COLUMN accusation boolean NOT NULL DEFAULT false,
      ADD COLUMN received_at_level text CHECK (received_at_level IN ('village', 'town', 'county', 'city', 'province')),
      ADD COLUMN skip_level boolean NOT NULL DEFAULT false,
      ADD COLUMN competent_level text,
      ADD COLUMN competent_region_code text,
      ADD COLUMN skip_level_redirected boolean NOT NULL DEFAULT false`);
    // Keyset pagination of the staff list: newest first, ties broken by id.
    await q.query('CREATE INDEX grievance_received_id ON grievance (received_at DESC, id DESC)');
    // Region subtree filters are prefix matches.
    await q.query('CREATE INDEX grievance_region_prefix ON grievance (region_code text_pattern_ops)');
    // Every unmasked read of a petitioner's identity, and every refused attempt: who, role, when, which grievance, why.
    await q.query(`CREATE TABLE petitioner_access_audit (
      id uuid PRIMARY KEY,
      grievance_id uuid NOT NULL REFERENCES grievance (id),
      actor_user_id text NOT NULL,
      actor_role text NOT NULL,
      actor_org_code text NOT NULL,
      reason text NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('revealed', 'refused')),
      at timestamptz NOT NULL
    )`);
    await q.query('CREATE INDEX petitioner_access_audit_grievance ON petitioner_access_audit (grievance_id, at)');
    // Append-only: an audit trail that can be edited proves nothing.
    await q.query(`CREATE FUNCTION petitioner_access_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'petitioner_access_audit is append-only'; END $$`);
    await q.query(`CREATE TRIGGER petitioner_access_audit_append_only BEFORE UPDATE OR DELETE ON petitioner_access_audit
      FOR EACH ROW EXECUTE FUNCTION petitioner_access_audit_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE petitioner_access_audit');
    await q.query('DROP FUNCTION petitioner_access_audit_append_only()');
    await q.query('DROP INDEX grievance_region_prefix');
    await q.query('DROP INDEX grievance_received_id');
    await q.query(`ALTER TABLE grievance DROP COLUMN accusation, DROP COLUMN received_at_level, DROP COLUMN skip_level,
      DROP COLUMN competent_level, DROP COLUMN competent_region_code, DROP COLUMN skip_level_redirected`);
  }
}
