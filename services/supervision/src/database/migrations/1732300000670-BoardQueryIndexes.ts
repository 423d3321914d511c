import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BoardQueryIndexes1732300000670 implements MigrationInterface {
  name = 'BoardQueryIndexes1732300000670';

  async up(q: QueryRunner): Promise<void> {
    // The backlog walks open cases in its keyset order (a case not received yet sorts at the epoch):
    // the index on received_at alone cannot give that order, so every open case was sorted for each
    // page, 100 000 over a million grievances (bench/board.bench.ts).
    await q.query('CREATE INDEX supervised_case_open_backlog ON supervised_case ((COALESCE(received_at, to_timestamp(0))), grievance_id) WHERE open');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX supervised_case_open_backlog');
  }
}
