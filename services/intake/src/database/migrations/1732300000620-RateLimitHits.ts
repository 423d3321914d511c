import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public endpoints' rate-limit ledger (@yikouban/persistence PgRateLimitLedger): one row per
 * admitted call, so every intake replica counts against the same limits and a restart forgets
 * nothing. Old rows are swept by the limiter as it goes.
 */
export class RateLimitHits1732300000620 implements MigrationInterface {
  name = 'RateLimitHits1732300000620';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE rate_limit_hit (
      id bigserial PRIMARY KEY,
      limit_key text NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    )`);
    // Counting a key's window, and sweeping a bucket's old hits.
    await q.query('CREATE INDEX rate_limit_hit_key_at ON rate_limit_hit (limit_key, at)');
    await q.query('CREATE INDEX rate_limit_hit_at ON rate_limit_hit (at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rate_limit_hit');
  }
}
