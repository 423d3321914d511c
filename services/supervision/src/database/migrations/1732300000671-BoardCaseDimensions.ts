import type { MigrationInterface, QueryRunner } from 'typeorm';

const ON_BOARD = `state = 'breached' OR (state IN ('running','paused') AND warnings_sent > 0)`;

export class BoardCaseDimensions1732300000671 implements MigrationInterface {
  name = 'BoardCaseDimensions1732300000671';

  async up(q: QueryRunner): Promise<void> {
    // The board filters its clocks by where their case counts (supervised_case's region and unit).
    // Joined per clock, a region's totals looked up every clock on the board, 50 000 over a million
    // grievances (bench/board.bench.ts): each clock carries its case's region and unit instead.
    await q.query('ALTER TABLE clock ADD COLUMN case_region_code text, ADD COLUMN case_org_code text');
    // Stopped clocks are never on the board and are most of the table: they are left as they are
    // (a clock written again, or whose case moves, takes the dimensions through the triggers below).
    await q.query(`UPDATE clock c SET case_region_code = s.region_code, case_org_code = s.org_code
      FROM supervised_case s WHERE s.grievance_id = c.grievance_id AND c.state <> 'stopped'`);
    // Kept by the database, whichever code writes a clock or moves a case: a new clock takes its
    // case's dimensions (a clock is started under its case's lock, so the case cannot move meanwhile)…
    await q.query(`CREATE FUNCTION clock_takes_case_dimensions() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      BEGIN
        SELECT s.region_code, s.org_code INTO NEW.case_region_code, NEW.case_org_code FROM supervised_case s WHERE s.grievance_id = NEW.grievance_id;
        RETURN NEW;
      END $$`);
    await q.query('CREATE TRIGGER clock_takes_case_dimensions BEFORE INSERT OR UPDATE OF grievance_id ON clock FOR EACH ROW EXECUTE FUNCTION clock_takes_case_dimensions()');
    // …and a case that moves (or first learns where it counts) moves its clocks.
    await q.query(`CREATE FUNCTION case_moves_its_clocks() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      BEGIN
        UPDATE clock SET case_region_code = NEW.region_code, case_org_code = NEW.org_code
         WHERE grievance_id = NEW.grievance_id
           AND (case_region_code IS DISTINCT FROM NEW.region_code OR case_org_code IS DISTINCT FROM NEW.org_code);
        RETURN NULL;
      END $$`);
    await q.query('CREATE TRIGGER case_moves_its_clocks AFTER INSERT OR UPDATE OF region_code, org_code ON supervised_case FOR EACH ROW EXECUTE FUNCTION case_moves_its_clocks()');
    // The totals count every clock on the board: with state and the case's dimensions in the index
    // they are an index-only scan, not a visit to each clock's row scattered over the whole table.
    await q.query('DROP INDEX clock_board');
    await q.query(`CREATE INDEX clock_board ON clock (due_at, id) INCLUDE (state, grievance_id, case_region_code, case_org_code) WHERE ${ON_BOARD}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX clock_board');
    await q.query(`CREATE INDEX clock_board ON clock (due_at, id) WHERE ${ON_BOARD}`);
    await q.query('DROP TRIGGER case_moves_its_clocks ON supervised_case');
    await q.query('DROP FUNCTION case_moves_its_clocks()');
    await q.query('DROP TRIGGER clock_takes_case_dimensions ON clock');
    await q.query('DROP FUNCTION clock_takes_case_dimensions()');
    await q.query('ALTER TABLE clock DROP COLUMN case_org_code, DROP COLUMN case_region_code');
  }
}
