import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseMovesClocksOnlyWhenMoved1732300000680 implements MigrationInterface {
  name = 'CaseMovesClocksOnlyWhenMoved1732300000680';

  async up(q: QueryRunner): Promise<void> {
    // Every fact's update of a case names its region and unit (updateCase writes the whole case), so
    // the trigger of 1732300000671 looked up the case's clocks on each one (three per grievance on
    // the intake → routing → clock path): an update now does only when the dimensions did move.
    await q.query('DROP TRIGGER case_moves_its_clocks ON supervised_case');
    await q.query('CREATE TRIGGER case_moves_its_clocks AFTER INSERT ON supervised_case FOR EACH ROW EXECUTE FUNCTION case_moves_its_clocks()');
    await q.query(`CREATE TRIGGER case_moved_moves_its_clocks AFTER UPDATE OF region_code, org_code ON supervised_case FOR EACH ROW
      WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code OR OLD.org_code IS DISTINCT FROM NEW.org_code) EXECUTE FUNCTION case_moves_its_clocks()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER case_moved_moves_its_clocks ON supervised_case');
    await q.query('DROP TRIGGER case_moves_its_clocks ON supervised_case');
    await q.query('CREATE TRIGGER case_moves_its_clocks AFTER INSERT OR UPDATE OF region_code, org_code ON supervised_case FOR EACH ROW EXECUTE FUNCTION case_moves_its_clocks()');
  }
}
