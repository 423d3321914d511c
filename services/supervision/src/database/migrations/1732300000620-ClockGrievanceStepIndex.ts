import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ClockGrievanceStepIndex1732300000620 implements MigrationInterface {
  name = 'ClockGrievanceStepIndex1732300000620';

  async up(q: QueryRunner): Promise<void> {
    // Triage re-plans a grievance's running handling clock (grievance, step, state). On the
    // grievance alone the planner, short of statistics, ANDed in the index of all running clocks
    // and read every entry of it on each triage fact. Grievance and step narrow it in one index;
    // lookups on the grievance alone use its prefix.
    await q.query('DROP INDEX clock_grievance');
    await q.query('CREATE INDEX clock_grievance ON clock (grievance_id, step)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX clock_grievance');
    await q.query('CREATE INDEX clock_grievance ON clock (grievance_id)');
  }
}
