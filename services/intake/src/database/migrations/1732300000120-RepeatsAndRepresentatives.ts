import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RepeatsAndRepresentatives1732300000120 implements MigrationInterface {
  name = 'RepeatsAndRepresentatives1732300000120';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE petitioner ADD COLUMN address text');
    await q.query(`ALTER TABLE grievance
      ADD COLUMN first_time boolean NOT NULL DEFAULT true,
      ADD COLUMN repeat_of uuid REFERENCES grievance (id),
      ADD COLUMN statement jsonb`);
    await q.query('CREATE INDEX grievance_repeat_of ON grievance (repeat_of) WHERE repeat_of IS NOT NULL');
    // 群体访: the people who speak for the group (at most five, 信访工作条例 第二十条).
    await q.query(`CREATE TABLE grievance_representative (
      grievance_id uuid NOT NULL REFERENCES grievance (id),
      petitioner_id uuid NOT NULL REFERENCES petitioner (id),
      position int NOT NULL,
      PRIMARY KEY (grievance_id, petitioner_id)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE grievance_representative');
    await q.query('ALTER TABLE grievance DROP COLUMN statement, DROP COLUMN repeat_of, DROP COLUMN first_time');
    await q.query('ALTER TABLE petitioner DROP COLUMN address');
  }
}
