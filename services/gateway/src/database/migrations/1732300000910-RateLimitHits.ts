import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * login_failure was named for its first use; it has since counted every rate-limited call
 * (sign-in failures and the public operations alike), one row per hit. Renamed for what it
 * is, rows kept: a deploy neither forgets a throttle nor lets anyone through it early.
 */
export class RateLimitHits1732300000910 implements MigrationInterface {
  name = 'RateLimitHits1732300000910';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE login_failure RENAME TO rate_limit_hit');
    await q.query('ALTER TABLE rate_limit_hit RENAME COLUMN throttle_key TO limit_key');
    await q.query('ALTER SEQUENCE login_failure_id_seq RENAME TO rate_limit_hit_id_seq');
    await q.query('ALTER INDEX login_failure_pkey RENAME TO rate_limit_hit_pkey');
    await q.query('ALTER INDEX login_failure_key_at RENAME TO rate_limit_hit_key_at');
    await q.query('ALTER INDEX login_failure_at RENAME TO rate_limit_hit_at');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER INDEX rate_limit_hit_at RENAME TO login_failure_at');
    await q.query('ALTER INDEX rate_limit_hit_key_at RENAME TO login_failure_key_at');
    await q.query('ALTER INDEX rate_limit_hit_pkey RENAME TO login_failure_pkey');
    await q.query('ALTER SEQUENCE rate_limit_hit_id_seq RENAME TO login_failure_id_seq');
    await q.query('ALTER TABLE rate_limit_hit RENAME COLUMN limit_key TO throttle_key');
    await q.query('ALTER TABLE rate_limit_hit RENAME TO login_failure');
  }
}
