import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AssignCaseOwner, BacklogItem, BacklogPage, BacklogQuery, CaseOwnerView } from '@yikouban/contracts';
import { keysetPage, type KeysetKey } from '../common/keyset-page';
import { SqlFilter } from '../common/sql-filter';
import { regionPrefix } from '../indicators/indicator-reader';
import { ageDays, backlogReasons, DEFAULT_BACKLOG_AGE_DAYS, DEFAULT_BACKLOG_REPEATS } from './backlog-rules';
import { OversightError } from './oversight.errors';

interface OwnerRow {
  grievance_id: string;
  tracking_code: string;
  leader_user_id: string;
  leader_name: string | null;
  since: Date;
  plan: string;
  assigned_by: string;
}

interface BacklogRow {
  grievance_id: string;
  tracking_code: string | null;
  region_code: string;
  org_code: string;
  category_code: string;
  received_at: Date | null;
  sort_at: Date;
  repeats: number;
  handling_overdue: boolean;
  aftercare_status: string | null;
  open_notices: number;
  leader_user_id: string | null;
  leader_name: string | null;
  since: Date | null;
  plan: string | null;
  assigned_by: string | null;
}

/** Oldest first; a case whose receipt is not known yet sorts as received at the epoch. */
const OLDEST_RECEIVED: KeysetKey<BacklogRow> = {
  at: 'COALESCE(c.received_at, to_timestamp(0))',
  id: 'c.grievance_id',
  order: 'asc',
  of: (r) => ({ at: r.sort_at, id: r.grievance_id }),
};

const toOwner = (r: OwnerRow): CaseOwnerView => ({
  grievanceId: r.grievance_id,
  trackingCode: r.tracking_code,
  leaderUserId: r.leader_user_id,
  leaderName: r.leader_name,
  since: r.since.toISOString(),
  plan: r.plan,
  assignedBy: r.assigned_by,
});

/**
 * 包案 and 积案. Ownership is a command; the backlog reads the maintained projections
 * (supervised_case, the repeat chains, the clocks, the notices) for open cases only.
 */
@Injectable()
export class CaseOwnershipService {
  constructor(private readonly db: DataSource) {}

  /** A new leader starts a new `since`; the same leader revising the plan keeps it. */
  assign(cmd: AssignCaseOwner, now = new Date()): Promise<CaseOwnerView> {
    if (cmd.by.kind !== 'staff' || !cmd.by.userId) throw new OversightError('actor_not_permitted', '只有工作人员可以安排包案 / only staff assign case owners', 'by.kind');
    return this.db.transaction(async (tx: EntityManager) => {
      const [row] = (await tx.query(
        `INSERT INTO case_owner (grievance_id, tracking_code, leader_user_id, leader_name, since, plan, assigned_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (grievance_id) DO UPDATE SET
           since = CASE WHEN case_owner.leader_user_id = EXCLUDED.leader_user_id THEN case_owner.since ELSE EXCLUDED.since END,
           leader_user_id = EXCLUDED.leader_user_id, leader_name = COALESCE(EXCLUDED.leader_name, CASE WHEN case_owner.leader_user_id = EXCLUDED.leader_user_id THEN case_owner.leader_name END),
           tracking_code = EXCLUDED.tracking_code, plan = EXCLUDED.plan, assigned_by = EXCLUDED.assigned_by, updated_at = now()
         RETURNING *`,
        [cmd.grievanceId, cmd.trackingCode, cmd.leaderUserId, cmd.leaderName ?? null, now, cmd.plan, cmd.by.userId],
      )) as OwnerRow[];
      return toOwner(row as OwnerRow);
    });
  }

  /** Open cases oldest first over (received_at, id), each with why it is in the backlog. */
  async backlog(q: BacklogQuery, now = new Date()): Promise<BacklogPage> {
    const minAgeDays = q.minAgeDays ?? DEFAULT_BACKLOG_AGE_DAYS;
    const minRepeats = q.minRepeats ?? DEFAULT_BACKLOG_REPEATS;
    const filter = new SqlFilter();
    const oldBefore = filter.param(new Date(now.getTime() - minAgeDays * 24 * 60 * 60 * 1000));
    const manyRepeats = filter.param(minRepeats + 1);
    const at = filter.param(now);
    filter.add('c.open').add(`(c.received_at <= ${oldBefore} OR COALESCE(rc.members, 1) >= ${manyRepeats} OR COALESCE(h.overdue, false))`);
    if (q.regionCode) filter.add('c.region_code LIKE ?', regionPrefix(q.regionCode));
    if (q.orgCode) filter.add('c.org_code = ?', q.orgCode);
    if (q.owned !== undefined) filter.add(q.owned ? 'o.grievance_id IS NOT NULL' : 'o.grievance_id IS NULL');
    // Whether the handling clock is overdue is a LIMIT 1 lateral, not EXISTS: the planner hashed an
    // EXISTS once per query over every clock; the lateral looks up only the cases the page walks.
    const page = await keysetPage(filter, q, OLDEST_RECEIVED, async (tail) =>
      (await this.db.query(
        `SELECT c.grievance_id, c.tracking_code, c.region_code, c.org_code, c.category_code, c.received_at,
                COALESCE(c.received_at, to_timestamp(0)) AS sort_at,
                COALESCE(rc.members, 1) - 1 AS repeats, COALESCE(h.overdue, false) AS handling_overdue, a.status AS aftercare_status,
                (SELECT count(*)::int FROM supervision_notice n WHERE n.grievance_id = c.grievance_id AND n.state <> 'accepted') AS open_notices,
                o.leader_user_id, o.leader_name, o.since, o.plan, o.assigned_by
           FROM supervised_case c
           LEFT JOIN repeat_member rm ON rm.grievance_id = c.grievance_id
           LEFT JOIN repeat_chain rc ON rc.root_id = rm.root_id
           LEFT JOIN aftercare a ON a.grievance_id = c.grievance_id
           LEFT JOIN case_owner o ON o.grievance_id = c.grievance_id
           LEFT JOIN LATERAL (SELECT true AS overdue FROM clock k WHERE k.grievance_id = c.grievance_id AND k.step = 'handling'
                                 AND (k.state = 'breached' OR (k.state IN ('running','paused') AND k.due_at < ${at})) LIMIT 1) h ON true
         ${tail}`,
        filter.params,
      )) as BacklogRow[],
    );
    const items = page.rows.map((r): BacklogItem => {
      const age = ageDays(r.received_at, now);
      return {
        grievanceId: r.grievance_id,
        trackingCode: r.tracking_code,
        regionCode: r.region_code,
        orgCode: r.org_code,
        categoryCode: r.category_code,
        receivedAt: r.received_at?.toISOString() ?? null,
        ageDays: age,
        repeats: Number(r.repeats),
        handlingOverdue: r.handling_overdue,
        status: r.aftercare_status ?? 'handling',
        reasons: backlogReasons({ ageDays: age, repeats: Number(r.repeats), handlingOverdue: r.handling_overdue }, { minAgeDays, minRepeats }),
        owner:
          r.leader_user_id && r.since && r.plan !== null && r.assigned_by
            ? { grievanceId: r.grievance_id, trackingCode: r.tracking_code ?? '', leaderUserId: r.leader_user_id, leaderName: r.leader_name, since: r.since.toISOString(), plan: r.plan, assignedBy: r.assigned_by }
            : null,
        openNotices: r.open_notices,
        cursor: page.cursorOf(r),
      };
    });
    return { items, nextCursor: page.nextCursor, minAgeDays, minRepeats };
  }
}
