import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ClockAlarms1732300000410 implements MigrationInterface {
  name = 'ClockAlarms1732300000410';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE clock
      ADD COLUMN warn_shares real[] NOT NULL DEFAULT '{0.5,0.8}',
      ADD COLUMN warnings_sent int NOT NULL DEFAULT 0,
      ADD COLUMN escalation_level int NOT NULL DEFAULT 0,
      ADD COLUMN next_alarm_at timestamptz,
      ADD COLUMN stopped_at timestamptz`);
    // The sweeper's only question: which clocks need attention now.
    await q.query(`CREATE INDEX clock_next_alarm ON clock (next_alarm_at) WHERE next_alarm_at IS NOT NULL AND state IN ('running','breached')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX clock_next_alarm');
    await q.query('ALTER TABLE clock DROP COLUMN stopped_at, DROP COLUMN next_alarm_at, DROP COLUMN escalation_level, DROP COLUMN warnings_sent, DROP COLUMN warn_shares');
  }
}
