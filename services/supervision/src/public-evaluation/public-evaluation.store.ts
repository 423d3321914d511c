import type { EntityManager } from 'typeorm';
import type { EvaluationVote, EvaluatorKind, PublicEvaluationOpinion, PublicEvaluationView } from '@yikouban/contracts';
import { PublicEvaluationError } from './public-evaluation.errors';

export interface SessionRow {
  id: string;
  grievance_id: string;
  tracking_code: string | null;
  matter: string;
  status: 'open' | 'concluded';
  quorum: number;
  rule: string;
  opinion: PublicEvaluationOpinion | null;
  recommendations: string | null;
  opened_by: string | null;
  opened_at: Date;
  concluded_at: Date | null;
}

export interface PanelRow {
  evaluator_id: string;
  name: string;
  kind: EvaluatorKind;
  vote: EvaluationVote | null;
  remarks: string | null;
  at: Date | null;
}

export interface LoadedSession {
  row: SessionRow;
  panel: PanelRow[];
}

export async function loadSession(tx: EntityManager, id: string, lock = false): Promise<LoadedSession> {
  const [row] = (await tx.query(`SELECT * FROM public_evaluation WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id])) as SessionRow[];
  if (!row) throw new PublicEvaluationError('no_such_evaluation', '没有该公开评议 / no such public evaluation', 'publicEvaluationId');
  const panel = (await tx.query(
    `SELECT e.evaluator_id, e.name, e.kind, v.vote, v.remarks, v.at FROM public_evaluator e
       LEFT JOIN public_evaluation_vote v ON v.public_evaluation_id = e.public_evaluation_id AND v.evaluator_id = e.evaluator_id
      WHERE e.public_evaluation_id = $1 ORDER BY e.position`,
    [id],
  )) as PanelRow[];
  return { row, panel };
}

/** The panels of several sessions in one round trip, by session id. */
export async function loadPanels(tx: EntityManager, ids: string[]): Promise<Map<string, PanelRow[]>> {
  const rows = ids.length
    ? ((await tx.query(
        `SELECT e.public_evaluation_id, e.evaluator_id, e.name, e.kind, v.vote, v.remarks, v.at FROM public_evaluator e
           LEFT JOIN public_evaluation_vote v ON v.public_evaluation_id = e.public_evaluation_id AND v.evaluator_id = e.evaluator_id
          WHERE e.public_evaluation_id = ANY($1::uuid[]) ORDER BY e.public_evaluation_id, e.position`,
        [ids],
      )) as (PanelRow & { public_evaluation_id: string })[])
    : [];
  const panels = new Map<string, PanelRow[]>(ids.map((id) => [id, []]));
  for (const { public_evaluation_id: id, ...p } of rows) panels.get(id)?.push(p);
  return panels;
}

export function toView({ row, panel }: LoadedSession): PublicEvaluationView {
  const count = (v: EvaluationVote) => panel.filter((p) => p.vote === v).length;
  return {
    id: row.id,
    grievanceId: row.grievance_id,
    trackingCode: row.tracking_code,
    matter: row.matter,
    status: row.status,
    quorum: row.quorum,
    panel: panel.map((p) => ({ id: p.evaluator_id, name: p.name, kind: p.kind, vote: p.vote, remarks: p.remarks, votedAt: p.at?.toISOString() ?? null })),
    tally: { support: count('support'), oppose: count('oppose'), abstain: count('abstain'), notVoted: panel.filter((p) => !p.vote).length },
    opinion: row.opinion,
    rule: row.rule,
    recommendations: row.recommendations,
    openedAt: row.opened_at.toISOString(),
    openedBy: row.opened_by,
    concludedAt: row.concluded_at?.toISOString() ?? null,
  };
}
