import type { MigrationInterface, QueryRunner } from 'typeorm';

export class GrievanceProfiles1732300000420 implements MigrationInterface {
  name = 'GrievanceProfiles1732300000420';

  async up(q: QueryRunner): Promise<void> {
    // What supervision knows of a grievance to choose its deadline policy: projected from facts.
    await q.query(`CREATE TABLE grievance_profile (
      grievance_id uuid PRIMARY KEY,
      region_code text,
      first_time boolean,
      complexity text,
      statutory_path text,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    // Mediation handoffs of courts, procuratorates and police need not come from a grievance.
    await q.query('ALTER TABLE clock ALTER COLUMN grievance_id DROP NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE grievance_profile');
  }
}
