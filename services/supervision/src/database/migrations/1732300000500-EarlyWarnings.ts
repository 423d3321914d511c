import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EarlyWarnings1732300000500 implements MigrationInterface {
  name = 'EarlyWarnings1732300000500';

  async up(q: QueryRunner): Promise<void> {
    // 苗头预警: one row per alert raised; the unique key keeps a window from being raised twice.
    await q.query(`CREATE TABLE early_warning (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      region_code text NOT NULL,
      category_code text NOT NULL,
      window_code text NOT NULL,
      window_start date NOT NULL,
      window_end date NOT NULL,
      count int NOT NULL,
      baseline_mean numeric(12,2) NOT NULL,
      baseline_stddev numeric(12,2) NOT NULL,
      threshold numeric(12,2) NOT NULL,
      raised_at timestamptz NOT NULL DEFAULT now(),
      state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'acknowledged')),
      acknowledged_by text,
      acknowledged_at timestamptz,
      note text,
      UNIQUE (region_code, category_code, window_code, window_end)
    )`);
    await q.query('CREATE INDEX early_warning_pair ON early_warning (region_code, category_code, window_end)');
    await q.query('CREATE INDEX early_warning_recent ON early_warning (raised_at DESC, id DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE early_warning');
  }
}
