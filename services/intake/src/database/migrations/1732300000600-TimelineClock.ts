import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TimelineClock1732300000600 implements MigrationInterface {
  name = 'TimelineClock1732300000600';

  async up(q: QueryRunner): Promise<void> {
    // The clock a deadline step stands for: supervision announces a clock again when it is re-planned or
    // re-anchored, and the citizen's one step moves with it instead of a second one appearing.
    await q.query('ALTER TABLE timeline_entry ADD COLUMN clock_id uuid');
    await q.query('CREATE UNIQUE INDEX timeline_entry_clock ON timeline_entry (clock_id) WHERE clock_id IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX timeline_entry_clock');
    await q.query('ALTER TABLE timeline_entry DROP COLUMN clock_id');
  }
}
