import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A 访调 handoff made from routing's redirect (routing.grievance.redirected) remembers the lead
 * assignment that was redirected: one redirect makes at most one handoff, even if the fact is
 * delivered again under another event id.
 */
export class HandoffFromRedirect1732300000311 implements MigrationInterface {
  name = 'HandoffFromRedirect1732300000311';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE handoff ADD COLUMN source_assignment_id uuid');
    await q.query('CREATE UNIQUE INDEX handoff_from_redirect ON handoff (grievance_id, source_assignment_id) WHERE source_assignment_id IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX handoff_from_redirect');
    await q.query('ALTER TABLE handoff DROP COLUMN source_assignment_id');
  }
}
