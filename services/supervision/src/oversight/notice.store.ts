import type { EntityManager } from 'typeorm';
import type { NoticeLevel, NoticeState, NoticeVerdict, NoticeView } from '@yikouban/contracts';
import { isOverdue, type NoticeSnapshot } from './notice-rules';
import { OversightError } from './oversight.errors';

/** Reads of the notice tables (raw SQL: small rows, a row lock where a command decides). */

export interface NoticeRow {
  id: string;
  grievance_id: string;
  tracking_code: string;
  region_code: string | null;
  org_code: string;
  level: NoticeLevel;
  listed: boolean;
  demands: string;
  state: NoticeState;
  round: number;
  respond_within_days: number;
  issued_by: string;
  issuer_org_code: string | null;
  issued_at: Date;
  response_due_at: Date;
  fix_due_at: Date | null;
  accepted_at: Date | null;
}

interface ResponseRow {
  notice_id: string;
  round: number;
  actions: string;
  result: string;
  responded_by: string;
  responded_at: Date;
  on_time: boolean;
  verdict: NoticeVerdict | null;
  review_note: string | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
}

export const snapshotOf = (r: NoticeRow): NoticeSnapshot => ({
  state: r.state,
  round: r.round,
  orgCode: r.org_code,
  issuedBy: r.issued_by,
  issuerOrgCode: r.issuer_org_code,
  listed: r.listed,
  responseDueAt: r.response_due_at,
  fixDueAt: r.fix_due_at,
});

export async function lockNotice(tx: EntityManager, id: string): Promise<NoticeRow> {
  const [row] = (await tx.query('SELECT * FROM supervision_notice WHERE id = $1 FOR UPDATE', [id])) as NoticeRow[];
  if (!row) throw new OversightError('notice_not_found', '督办单不存在 / no such notice', 'noticeId');
  return row;
}

/** Views of the given notices with their responses (one query for all responses). */
export async function toViews(tx: EntityManager, rows: NoticeRow[], now: Date): Promise<NoticeView[]> {
  if (rows.length === 0) return [];
  const responses = (await tx.query('SELECT * FROM notice_response WHERE notice_id = ANY($1) ORDER BY round', [rows.map((r) => r.id)])) as ResponseRow[];
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return rows.map((r) => ({
    id: r.id,
    grievanceId: r.grievance_id,
    trackingCode: r.tracking_code,
    level: r.level,
    listed: r.listed,
    orgCode: r.org_code,
    regionCode: r.region_code,
    demands: r.demands,
    state: r.state,
    issuedBy: r.issued_by,
    issuerOrgCode: r.issuer_org_code,
    issuedAt: r.issued_at.toISOString(),
    responseDueAt: r.response_due_at.toISOString(),
    fixDueAt: iso(r.fix_due_at),
    acceptedAt: iso(r.accepted_at),
    overdue: isOverdue(snapshotOf(r), now),
    responses: responses
      .filter((x) => x.notice_id === r.id)
      .map((x) => ({
        round: x.round,
        actions: x.actions,
        result: x.result,
        respondedBy: x.responded_by,
        respondedAt: x.responded_at.toISOString(),
        onTime: x.on_time,
        verdict: x.verdict,
        reviewNote: x.review_note,
        reviewedBy: x.reviewed_by,
        reviewedAt: iso(x.reviewed_at),
      })),
  }));
}

export async function readNotice(tx: EntityManager, id: string, now: Date): Promise<NoticeView> {
  const rows = (await tx.query('SELECT * FROM supervision_notice WHERE id = $1', [id])) as NoticeRow[];
  if (rows.length === 0) throw new OversightError('notice_not_found', '督办单不存在 / no such notice', 'noticeId');
  const [view] = await toViews(tx, rows, now);
  return view as NoticeView;
}
