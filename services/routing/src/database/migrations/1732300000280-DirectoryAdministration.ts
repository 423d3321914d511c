import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Administrators add, change and deactivate organisations. A deactivated organisation stays in
 * the table: past assignments, disputes and rule versions still name it.
 */
export class DirectoryAdministration1732300000280 implements MigrationInterface {
  name = 'DirectoryAdministration1732300000280';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE organisation ADD COLUMN active boolean NOT NULL DEFAULT true');
    await q.query('CREATE INDEX region_parent ON region (parent_code)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX region_parent');
    await q.query('ALTER TABLE organisation DROP COLUMN active');
  }
}
