import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MergedDuplicates1732300000630 implements MigrationInterface {
  name = 'MergedDuplicates1732300000630';

  async up(q: QueryRunner): Promise<void> {
    // A duplicate intake merged into its survivor: out of the backlog for good, kept on the case row
    // because the merge may come before the grievance's other facts (a later receipt must not reopen it).
    await q.query('ALTER TABLE supervised_case ADD COLUMN merged_into_id uuid, ADD COLUMN merged_at timestamptz');
    // Merges applied before this column are known only where the merge was the first decision that
    // ended registration (its cause names the survivor): those leave the backlog and their clocks stop.
    const merged = `registration_decision ~ '^merged into [0-9a-fA-F-]{36}:'`;
    await q.query(`UPDATE backlog_tally b SET open_count = b.open_count - m.n
      FROM (SELECT region_code, org_code, category_code, count(*)::int AS n FROM supervised_case WHERE open AND ${merged} GROUP BY 1, 2, 3) m
      WHERE b.region_code = m.region_code AND b.org_code = m.org_code AND b.category_code = m.category_code`);
    await q.query(`UPDATE supervised_case SET open = false, merged_at = registration_decided_at,
        merged_into_id = substring(registration_decision from '^merged into ([0-9a-fA-F-]{36}):')::uuid
      WHERE ${merged}`);
    await q.query(`UPDATE clock c SET state = 'stopped', stopped_at = GREATEST(s.merged_at, c.started_at), next_alarm_at = NULL,
        history = c.history || jsonb_build_array(jsonb_build_object(
          'at', to_char(GREATEST(s.merged_at, c.started_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'change', 'stopped',
          'cause', s.registration_decision))
      FROM supervised_case s WHERE s.grievance_id = c.grievance_id AND s.merged_into_id IS NOT NULL AND c.state <> 'stopped'`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The cases stay closed and the clocks stopped: only the mark goes.
    await q.query('ALTER TABLE supervised_case DROP COLUMN merged_at, DROP COLUMN merged_into_id');
  }
}
