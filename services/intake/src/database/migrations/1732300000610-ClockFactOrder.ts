import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ClockFactOrder1732300000610 implements MigrationInterface {
  name = 'ClockFactOrder1732300000610';

  async up(q: QueryRunner): Promise<void> {
    // When supervision announced what a deadline step and the grievance's due date now show (the
    // clock.started envelope's occurredAt): a redelivered older announcement arriving after a newer
    // one must not put the older due date back. NULL: nothing announced yet, or shown before this column.
    await q.query('ALTER TABLE timeline_entry ADD COLUMN clock_as_of timestamptz');
    await q.query('ALTER TABLE grievance ADD COLUMN due_at_as_of timestamptz');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE grievance DROP COLUMN due_at_as_of');
    await q.query('ALTER TABLE timeline_entry DROP COLUMN clock_as_of');
  }
}
