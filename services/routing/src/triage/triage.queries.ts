import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { RoutingListTriageByGrievanceIds, type TriageSummary } from '@yikouban/contracts';
import { validQuery } from '@yikouban/messaging';

interface LatestTriageRow {
  id: string;
  grievance_id: string;
  category_code: string | null;
  statutory_path: TriageSummary['statutoryPath'];
  diversion: TriageSummary['diversion'];
  complexity: TriageSummary['complexity'];
  colour: TriageSummary['colour'];
  reason: { zh: string; en: string };
  list_version: number | null;
  decided_by: string;
  decided_at: Date;
  replaces: string | null;
}

/**
 * The triage in force per grievance, for the board's colours and the grievance view: the newest
 * decision that no override replaced. One query for a whole page (index triage_grievance).
 */
@Controller()
export class TriageQueries {
  constructor(private readonly db: DataSource) {}

  @MessagePattern(RoutingListTriageByGrievanceIds.subject)
  async byGrievances(@Payload() data: unknown): Promise<TriageSummary[]> {
    const q = await validQuery(RoutingListTriageByGrievanceIds, data);
    const rows: LatestTriageRow[] = await this.db.query(
      `SELECT DISTINCT ON (t.grievance_id) t.id, t.grievance_id, t.category_code, t.statutory_path, t.diversion, t.complexity, t.colour, t.reason, t.list_version, t.decided_by, t.decided_at, t.replaces
         FROM triage_decision t
        WHERE t.grievance_id = ANY($1::uuid[])
          AND NOT EXISTS (SELECT 1 FROM triage_decision r WHERE r.replaces = t.id)
        ORDER BY t.grievance_id, t.decided_at DESC, t.id`,
      [q.grievanceIds],
    );
    return rows.map((r) => ({
      grievanceId: r.grievance_id,
      decisionId: r.id,
      categoryCode: r.category_code,
      statutoryPath: r.statutory_path,
      diversion: r.diversion,
      complexity: r.complexity,
      colour: r.colour,
      reason: r.reason,
      listVersion: r.list_version,
      decidedBy: r.decided_by,
      decidedAt: r.decided_at.toISOString(),
      overridden: r.replaces !== null,
    }));
  }
}
