import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A triage decision is replaced at most once: two operators overriding the same decision cannot both win. */
export class TriageOverrideOnce1732300000240 implements MigrationInterface {
  name = 'TriageOverrideOnce1732300000240';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE UNIQUE INDEX triage_replaced_once ON triage_decision (replaces) WHERE replaces IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX triage_replaced_once');
  }
}
