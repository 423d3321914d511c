import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AssignmentInbox, AssignmentPage, AssignmentView, ContributionView, DisputeView, HandoverView, ListDisputes } from '@yikouban/contracts';
import { DomainError } from '@yikouban/service-kit';
import { DirectoryCache } from '../directory/directory-cache';
import { assignmentPage } from './assignment-page';
import { ASSIGNMENT_COLUMNS, HANDOVER_COLUMNS, toDispute, toHandover, toItem, type AssignmentRow, type DisputeRow, type HandoverRow } from './workbench-rows';
import { notFound } from './workbench-errors';

/** Organisations that may look at any assignment: they route, re-route and settle disputes. */
const OVERSEERS: readonly string[] = ['command_centre', 'petition_bureau', 'joint_conference'];

/** The read side of the workbench: a unit's inbox, one assignment's file, disputes, handovers. */
@Injectable()
export class WorkbenchReader {
  constructor(
    private readonly db: DataSource,
    private readonly directory: DirectoryCache,
  ) {}

  /** Newest first, keyset-paginated (see assignmentPage). */
  inbox(q: AssignmentInbox): Promise<AssignmentPage> {
    const args: unknown[] = [q.orgCode];
    const where = ['a.org_code = $1'];
    if (q.status?.length) where.push(`a.status = ANY ($${args.push(q.status)})`);
    return assignmentPage(this.db, where, args, q);
  }

  /** One assignment with its handling record. With a viewer: the unit, its fellow units on the grievance, or an overseer. */
  async view(id: string, viewerOrgCode?: string): Promise<AssignmentView> {
    const rows: AssignmentRow[] = await this.db.query(
      `SELECT ${ASSIGNMENT_COLUMNS} FROM assignment a LEFT JOIN assignment_handover h ON h.assignment_id = a.id AND h.status = 'requested' WHERE a.id = $1`,
      [id],
    );
    const r = rows[0];
    if (!r) throw notFound('交办事项', id, 'assignmentId');
    if (viewerOrgCode !== undefined && !(await this.mayView(r, viewerOrgCode))) {
      throw new DomainError('FORBIDDEN', `actor_not_permitted: 单位 ${viewerOrgCode} 无权查看该交办事项 (may not see this assignment)`, [{ field: 'viewerOrgCode', problems: ['actor_not_permitted'] }]);
    }
    const [timeline, contributions, reply] = await Promise.all([this.timeline(id), this.contributions(r), this.reply(id)]);
    return {
      ...toItem(r),
      returnedAt: r.returned_at?.toISOString() ?? null,
      returnReason: r.return_reason,
      replacesAssignmentId: r.replaces_assignment_id,
      disputeId: r.dispute_id,
      caseLeader: r.case_leader,
      timeline,
      contributions,
      reply,
    };
  }

  async dispute(id: string): Promise<DisputeView> {
    const rows: DisputeRow[] = await this.db.query('SELECT * FROM jurisdiction_dispute WHERE id = $1', [id]);
    if (!rows[0]) throw notFound('管辖争议', id, 'disputeId');
    return this.withDisputants(rows[0]);
  }

  async disputes(q: ListDisputes): Promise<DisputeView[]> {
    const rows: DisputeRow[] = await this.db.query(
      `SELECT * FROM jurisdiction_dispute WHERE escalated_to_org_code = $1 AND ($2::text IS NULL OR status = $2) ORDER BY opened_at DESC, id DESC LIMIT 200`,
      [q.orgCode, q.status ?? null],
    );
    return Promise.all(rows.map((r) => this.withDisputants(r)));
  }

  async handover(id: string): Promise<HandoverView> {
    const rows: HandoverRow[] = await this.db.query(`SELECT ${HANDOVER_COLUMNS} FROM assignment_handover h JOIN assignment a ON a.id = h.assignment_id WHERE h.id = $1`, [id]);
    if (!rows[0]) throw notFound('移交申请', id, 'handoverId');
    return toHandover(rows[0]);
  }

  /** Handovers waiting for an answer, asked of the organisation or by it. */
  async pendingHandovers(orgCode: string): Promise<HandoverView[]> {
    const rows: HandoverRow[] = await this.db.query(
      `SELECT ${HANDOVER_COLUMNS} FROM assignment_handover h JOIN assignment a ON a.id = h.assignment_id
       WHERE h.status = 'requested' AND (h.to_org_code = $1 OR h.from_org_code = $1) ORDER BY h.requested_at DESC LIMIT 200`,
      [orgCode],
    );
    return rows.map(toHandover);
  }

  private async mayView(r: AssignmentRow, viewer: string): Promise<boolean> {
    if (r.org_code === viewer) return true;
    const org = (await this.directory.current()).organisations.get(viewer);
    if (org && OVERSEERS.includes(org.kind)) return true;
    const fellow: unknown[] = await this.db.query('SELECT 1 FROM assignment WHERE grievance_id = $1 AND org_code = $2 LIMIT 1', [r.grievance_id, viewer]);
    return fellow.length > 0;
  }

  private async timeline(id: string): Promise<AssignmentView['timeline']> {
    const rows: { at: Date; kind: string; actor_user_id: string | null; actor_org_code: string | null; detail: Record<string, unknown> }[] = await this.db.query(
      'SELECT at, kind, actor_user_id, actor_org_code, detail FROM assignment_activity WHERE assignment_id = $1 ORDER BY seq',
      [id],
    );
    return rows.map((a) => ({ at: a.at.toISOString(), kind: a.kind, by: a.actor_user_id && a.actor_org_code ? { userId: a.actor_user_id, orgCode: a.actor_org_code } : null, detail: a.detail }));
  }

  /** The lead sees every contribution to the case's reply; a co-unit sees its own. */
  private async contributions(r: AssignmentRow): Promise<ContributionView[]> {
    const rows: { from_assignment_id: string; org_code: string; org_name: string; text: string; by_user_id: string; at: Date }[] = await this.db.query(
      `SELECT from_assignment_id, org_code, org_name, text, by_user_id, at FROM reply_contribution WHERE ${r.role === 'lead' ? 'grievance_id' : 'from_assignment_id'} = $1 ORDER BY at, id`,
      [r.role === 'lead' ? r.grievance_id : r.id],
    );
    return rows.map((c) => ({ fromAssignmentId: c.from_assignment_id, orgCode: c.org_code, orgName: c.org_name, text: c.text, by: { userId: c.by_user_id, orgCode: c.org_code }, at: c.at.toISOString() }));
  }

  private async reply(id: string): Promise<AssignmentView['reply']> {
    const rows: { letter: NonNullable<AssignmentView['reply']>['letter']; contributions: ContributionView[]; by_user_id: string; by_org_code: string; replied_at: Date }[] = await this.db.query(
      'SELECT letter, contributions, by_user_id, by_org_code, replied_at FROM assignment_reply WHERE assignment_id = $1',
      [id],
    );
    const r = rows[0];
    return r ? { letter: r.letter, contributions: r.contributions, by: { userId: r.by_user_id, orgCode: r.by_org_code }, repliedAt: r.replied_at.toISOString() } : null;
  }

  private async withDisputants(d: DisputeRow): Promise<DisputeView> {
    const rows: { id: string; org_code: string; org_name: string; return_reason: string | null }[] = await this.db.query(
      'SELECT id, org_code, org_name, return_reason FROM assignment WHERE dispute_id = $1 ORDER BY returned_at, id',
      [d.id],
    );
    return toDispute(d, rows.map((r) => ({ assignmentId: r.id, orgCode: r.org_code, orgName: r.org_name, reason: r.return_reason })));
  }
}

