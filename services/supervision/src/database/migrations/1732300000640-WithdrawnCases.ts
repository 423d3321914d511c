import type { MigrationInterface, QueryRunner } from 'typeorm';

const stamp = (at: string) => `to_char(${at} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export class WithdrawnCases1732300000640 implements MigrationInterface {
  name = 'WithdrawnCases1732300000640';

  async up(q: QueryRunner): Promise<void> {
    // A grievance its petitioner withdrew: out of the backlog for good, kept on the case row because
    // the withdrawal may come before the grievance's other facts (a later receipt must not reopen it).
    await q.query('ALTER TABLE supervised_case ADD COLUMN withdrawn_at timestamptz');
    // Withdrawals applied before this column are known where the withdrawal was the first decision
    // that ended registration, or where it stopped a clock (its cause names the withdrawal): the earliest wins.
    // One with neither left no trace and stays as it is.
    await q.query(`CREATE TEMP TABLE known_withdrawal AS
      SELECT DISTINCT ON (grievance_id) grievance_id, at, cause FROM (
        SELECT grievance_id, registration_decided_at AS at, registration_decision AS cause FROM supervised_case WHERE registration_decision LIKE 'withdrawn: %'
        UNION ALL
        SELECT c.grievance_id, (h->>'at')::timestamptz, 'withdrawn: ' || (h->>'cause') FROM clock c, jsonb_array_elements(c.history) h
        WHERE c.grievance_id IS NOT NULL AND h->>'change' = 'stopped' AND h->>'cause' LIKE 'intake.grievance.withdrawn %'
      ) k ORDER BY grievance_id, at`);
    await q.query(`UPDATE backlog_tally b SET open_count = b.open_count - w.n
      FROM (SELECT s.region_code, s.org_code, s.category_code, count(*)::int AS n FROM supervised_case s JOIN known_withdrawal k USING (grievance_id) WHERE s.open GROUP BY 1, 2, 3) w
      WHERE b.region_code = w.region_code AND b.org_code = w.org_code AND b.category_code = w.category_code`);
    await q.query('UPDATE supervised_case s SET open = false, withdrawn_at = k.at FROM known_withdrawal k WHERE s.grievance_id = k.grievance_id');
    // Clocks a later receipt or assignment started and left running stop as the withdrawal would have stopped them.
    await q.query(`UPDATE clock c SET state = 'stopped', stopped_at = GREATEST(k.at, c.started_at), next_alarm_at = NULL,
        history = c.history || jsonb_build_array(jsonb_build_object('at', ${stamp('GREATEST(k.at, c.started_at)')}, 'change', 'stopped', 'cause', k.cause))
      FROM known_withdrawal k WHERE k.grievance_id = c.grievance_id AND c.state <> 'stopped'`);
    await q.query('DROP TABLE known_withdrawal');
  }

  async down(q: QueryRunner): Promise<void> {
    // The cases stay closed and the clocks stopped: only the mark goes.
    await q.query('ALTER TABLE supervised_case DROP COLUMN withdrawn_at');
  }
}
