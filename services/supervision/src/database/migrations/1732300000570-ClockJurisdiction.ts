import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ClockJurisdiction1732300000570 implements MigrationInterface {
  name = 'ClockJurisdiction1732300000570';

  async up(q: QueryRunner): Promise<void> {
    // The jurisdiction (region code) whose working calendar a clock counts on: pausing, resuming and
    // extending it use that calendar's override days, not only the national schedule.
    await q.query('ALTER TABLE clock ADD COLUMN region_code text');
    // Clocks started before this column: the grievance's region where supervision knows it.
    await q.query(`UPDATE clock c SET region_code = p.region_code FROM grievance_profile p
      WHERE p.grievance_id = c.grievance_id AND p.region_code IS NOT NULL AND c.region_code IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE clock DROP COLUMN region_code');
  }
}
