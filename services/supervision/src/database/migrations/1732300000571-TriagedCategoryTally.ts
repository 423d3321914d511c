import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TriagedCategoryTally1732300000571 implements MigrationInterface {
  name = 'TriagedCategoryTally1732300000571';

  async up(q: QueryRunner): Promise<void> {
    // Triage's category wins over intake's, whichever fact comes first.
    await q.query('ALTER TABLE supervised_case ADD COLUMN category_from_triage boolean NOT NULL DEFAULT false');
    // Where the receipt was counted in indicator_tally (instant, dimensions, repeat), so triage can
    // move it to the category it names. Cases received before this column keep their counts.
    await q.query('ALTER TABLE supervised_case ADD COLUMN received_tally jsonb');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE supervised_case DROP COLUMN received_tally');
    await q.query('ALTER TABLE supervised_case DROP COLUMN category_from_triage');
  }
}
