import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ClockAwaitingReceipt1732300000580 implements MigrationInterface {
  name = 'ClockAwaitingReceipt1732300000580';

  async up(q: QueryRunner): Promise<void> {
    // A lead assignment's clocks start no later than the receipt plus 15 days (第二十二条). When
    // routing's fact came before intake's, they started at the assignment; intake's receipt then
    // moves them. This marks the ones still waiting for it.
    await q.query('ALTER TABLE clock ADD COLUMN awaiting_receipt boolean NOT NULL DEFAULT false');
    // Every receipt looks for them: a small partial index keeps that a no-op for nearly all.
    await q.query('CREATE INDEX clock_awaiting_receipt ON clock (grievance_id) WHERE awaiting_receipt');
    // Clocks started before this column by an assignment whose receipt has still not come.
    await q.query(`UPDATE clock c SET awaiting_receipt = true
      WHERE c.state <> 'stopped' AND c.step IN ('handling', 'feedback') AND c.history->0->>'cause' LIKE 'routing.assignment.created %'
        AND NOT EXISTS (SELECT 1 FROM supervised_case s WHERE s.grievance_id = c.grievance_id AND s.received_at IS NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX clock_awaiting_receipt');
    await q.query('ALTER TABLE clock DROP COLUMN awaiting_receipt');
  }
}
