import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Bulletins1732300000510 implements MigrationInterface {
  name = 'Bulletins1732300000510';

  async up(q: QueryRunner): Promise<void> {
    // 通报 as stored data: one per kind and period; a complete one is never rewritten.
    await q.query(`CREATE TABLE bulletin (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL CHECK (kind IN ('daily', 'weekly', 'half_monthly', 'monthly')),
      period_start date NOT NULL,
      period_end date NOT NULL,
      complete boolean NOT NULL,
      generated_at timestamptz NOT NULL DEFAULT now(),
      requested_by text,
      content jsonb NOT NULL,
      UNIQUE (kind, period_start)
    )`);
    await q.query('CREATE INDEX bulletin_recent ON bulletin (period_start DESC, id DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE bulletin');
  }
}
