import type { EntityManager } from 'typeorm';
import { DomainError } from '@yikouban/service-kit';

/** What supervision knows of a grievance named by id or tracking code (its own projections). */
export interface SupervisedGrievance {
  grievanceId: string;
  trackingCode: string | null;
  regionCode: string | null;
  firstTime: boolean;
  receivedAt: Date | null;
}

/**
 * Finds the grievance in supervision's projections (supervised_case, grievance_profile), which
 * the intake and routing facts keep; NOT_FOUND when no fact about it has arrived yet.
 */
export async function findSupervisedGrievance(tx: EntityManager, ref: { grievanceId?: string; trackingCode?: string }): Promise<SupervisedGrievance> {
  const [row] = (await tx.query(
    `SELECT s.grievance_id, s.tracking_code, NULLIF(s.region_code, '') AS region_code, s.received_at, p.first_time, p.region_code AS profile_region
       FROM supervised_case s LEFT JOIN grievance_profile p ON p.grievance_id = s.grievance_id
      WHERE ${ref.grievanceId ? 's.grievance_id = $1' : 's.tracking_code = $1'}`,
    [ref.grievanceId ?? ref.trackingCode],
  )) as { grievance_id: string; tracking_code: string | null; region_code: string | null; received_at: Date | null; first_time: boolean | null; profile_region: string | null }[];
  if (!row) {
    const field = ref.grievanceId ? 'grievanceId' : 'trackingCode';
    throw new DomainError('NOT_FOUND', `no_such_grievance: 督查尚无该事项的记录 / supervision knows no such grievance`, [{ field, problems: ['not found'] }]);
  }
  return { grievanceId: row.grievance_id, trackingCode: row.tracking_code, regionCode: row.region_code ?? row.profile_region, firstTime: row.first_time === true, receivedAt: row.received_at };
}
