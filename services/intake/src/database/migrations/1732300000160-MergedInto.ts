import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MergedInto1732300000160 implements MigrationInterface {
  name = 'MergedInto1732300000160';

  async up(q: QueryRunner): Promise<void> {
    // A merged duplicate keeps its own record and points at the primary one.
    await q.query('ALTER TABLE grievance ADD COLUMN merged_into uuid REFERENCES grievance (id), ADD CONSTRAINT grievance_not_merged_into_itself CHECK (merged_into <> id)');
    await q.query('CREATE INDEX grievance_merged_into ON grievance (merged_into) WHERE merged_into IS NOT NULL');
    await q.query('CREATE INDEX grievance_category_received ON grievance (category_code, received_at DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE grievance DROP CONSTRAINT grievance_not_merged_into_itself, DROP COLUMN merged_into');
    await q.query('DROP INDEX grievance_category_received');
  }
}
