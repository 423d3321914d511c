import type { MigrationInterface, QueryRunner } from 'typeorm';

const BACKFILLED = 'assigned before every assignment kept its decision';

export class AssignedCasesDecided1732300000681 implements MigrationInterface {
  name = 'AssignedCasesDecided1732300000681';

  async up(q: QueryRunner): Promise<void> {
    // The receipt and triage handlers look for an assignment's clocks (to re-anchor or re-plan them)
    // only when the case row records a registration decision, which every lead assignment writes
    // before it starts its clocks. Cases assigned and received before 1732300000610 have handling
    // clocks but no decision: they get the first handling clock's start as theirs.
    await q.query(
      `UPDATE supervised_case s SET registration_decided_at = h.started_at, registration_decision = $1
        FROM (SELECT grievance_id, min(started_at) AS started_at FROM clock WHERE step = 'handling' AND grievance_id IS NOT NULL GROUP BY grievance_id) h
       WHERE h.grievance_id = s.grievance_id AND s.registration_decided_at IS NULL`,
      [BACKFILLED],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('UPDATE supervised_case SET registration_decided_at = NULL, registration_decision = NULL WHERE registration_decision = $1', [BACKFILLED]);
  }
}
