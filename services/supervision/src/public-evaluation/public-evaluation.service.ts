import { randomUUID } from 'node:crypto';
import { Injectable, Optional } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  PublicEvaluationConcluded,
  PublicEvaluationOpened,
  PublicEvaluationVoteRecorded,
  type ConcludePublicEvaluation,
  type ListPublicEvaluations,
  type OpenPublicEvaluation,
  type PublicEvaluationPage,
  type PublicEvaluationView,
  type RecordEvaluationVote,
  type SupervisionActor,
} from '@yikouban/contracts';
import { appendToOutbox, OutboxRelay } from '@yikouban/messaging';
import { keysetPage, type KeysetKey } from '../common/keyset-page';
import { violatedConstraint } from '../common/pg-errors';
import { SqlFilter } from '../common/sql-filter';
import { regionPrefix } from '../indicators/indicator-reader';
import { findSupervisedGrievance } from '../reception/grievance-ref';
import { defaultQuorum, OPINION_RULE, opinionOf, tally } from './opinion-rule';
import { PublicEvaluationError } from './public-evaluation.errors';
import { loadPanels, loadSession, toView, type LoadedSession, type SessionRow } from './public-evaluation.store';

const staffOnly = (by: SupervisionActor) => {
  if (by.kind !== 'staff') throw new PublicEvaluationError('actor_not_permitted', '只有工作人员可以组织公开评议 / only staff run a public evaluation', 'by.kind');
};

const BY_OPENED_AT: KeysetKey<SessionRow> = { at: 'e.opened_at', id: 'e.id', of: (r) => ({ at: r.opened_at, id: r.id }) };

/**
 * 阳光信访公开评议: a session on a contested grievance, its panel, one recorded vote per
 * evaluator and the opinion computed by the stated rule (opinion-rule.ts) when it concludes.
 */
@Injectable()
export class PublicEvaluationService {
  constructor(
    private readonly db: DataSource,
    @Optional() private readonly relay?: OutboxRelay,
  ) {}

  get(id: string): Promise<PublicEvaluationView> {
    return this.db.transaction(async (tx) => toView(await loadSession(tx, id)));
  }

  /** Newest first over (opened_at, id); the region is the grievance's as supervision projects it. */
  async list(q: ListPublicEvaluations): Promise<PublicEvaluationPage> {
    const filter = new SqlFilter();
    if (q.status) filter.add('e.status = ?', q.status);
    if (q.grievanceId) filter.add('e.grievance_id = ?', q.grievanceId);
    if (q.regionCode) filter.add(`COALESCE(NULLIF(s.region_code, ''), p.region_code) LIKE ?`, regionPrefix(q.regionCode));
    const page = await keysetPage(filter, q, BY_OPENED_AT, async (tail) => {
      const rows = await this.db.query(
        `SELECT e.* FROM public_evaluation e
           LEFT JOIN supervised_case s ON s.grievance_id = e.grievance_id
           LEFT JOIN grievance_profile p ON p.grievance_id = e.grievance_id
          ${tail}`,
        filter.params,
      );
      return rows as SessionRow[];
    });
    const panels = await loadPanels(this.db.manager, page.rows.map((r) => r.id));
    return {
      items: page.rows.map((row) => ({ ...toView({ row, panel: panels.get(row.id) ?? [] }), cursor: page.cursorOf(row) })),
      nextCursor: page.nextCursor,
    };
  }

  async open(cmd: OpenPublicEvaluation, now = new Date()): Promise<PublicEvaluationView> {
    staffOnly(cmd.by);
    const ids = cmd.panel.map((e) => e.id);
    const dup = ids.find((id, i) => ids.indexOf(id) !== i);
    if (dup) throw new PublicEvaluationError('duplicate_evaluator', `评议员重复：${dup} / evaluator listed twice: ${dup}`, 'panel');
    const quorum = cmd.quorum ?? defaultQuorum(cmd.panel.length);
    if (quorum > cmd.panel.length) throw new PublicEvaluationError('invalid_quorum', '法定人数不能超过评议团人数 / quorum cannot exceed the panel', 'quorum');
    const id = randomUUID();
    try {
      return await this.command(async (tx) => {
        const g = await findSupervisedGrievance(tx, cmd);
        await tx.query(
          `INSERT INTO public_evaluation (id, grievance_id, tracking_code, matter, quorum, rule, opened_by, opened_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [id, g.grievanceId, g.trackingCode, cmd.matter, quorum, OPINION_RULE, cmd.by.userId ?? null, now],
        );
        for (const [i, e] of cmd.panel.entries()) {
          await tx.query('INSERT INTO public_evaluator (public_evaluation_id, evaluator_id, name, kind, position) VALUES ($1, $2, $3, $4, $5)', [id, e.id, e.name, e.kind, i]);
        }
        await appendToOutbox(tx, PublicEvaluationOpened, {
          publicEvaluationId: id,
          grievanceId: g.grievanceId,
          ...(g.trackingCode ? { trackingCode: g.trackingCode } : {}),
          panelSize: cmd.panel.length,
          quorum,
          openedAt: now.toISOString(),
        });
        return id;
      });
    } catch (err) {
      if (violatedConstraint(err) === 'public_evaluation_one_open') throw new PublicEvaluationError('already_open', '该事项已有进行中的公开评议 / the matter already has an open public evaluation', 'grievanceId');
      throw err;
    }
  }

  vote(cmd: RecordEvaluationVote, now = new Date()): Promise<PublicEvaluationView> {
    staffOnly(cmd.by);
    return this.command(async (tx) => {
      const s = await this.openSession(tx, cmd.publicEvaluationId);
      const member = s.panel.find((p) => p.evaluator_id === cmd.evaluatorId);
      if (!member) throw new PublicEvaluationError('not_on_panel', '该评议员不在本次评议团中 / the evaluator is not on this panel', 'evaluatorId');
      if (member.vote) throw new PublicEvaluationError('already_voted', '该评议员已投票，投票不可更改 / the evaluator has voted; a vote is never changed', 'evaluatorId');
      await tx.query(
        'INSERT INTO public_evaluation_vote (public_evaluation_id, evaluator_id, vote, remarks, recorded_by, at) VALUES ($1, $2, $3, $4, $5, $6)',
        [s.row.id, member.evaluator_id, cmd.vote, cmd.remarks ?? null, cmd.by.userId ?? null, now],
      );
      await appendToOutbox(tx, PublicEvaluationVoteRecorded, { publicEvaluationId: s.row.id, grievanceId: s.row.grievance_id, evaluatorId: member.evaluator_id, evaluatorKind: member.kind, vote: cmd.vote, at: now.toISOString() });
      return s.row.id;
    });
  }

  conclude(cmd: ConcludePublicEvaluation, now = new Date()): Promise<PublicEvaluationView> {
    staffOnly(cmd.by);
    return this.command(async (tx) => {
      const s = await this.openSession(tx, cmd.publicEvaluationId);
      const t = tally(s.panel.flatMap((p) => (p.vote ? [p.vote] : [])));
      const opinion = opinionOf(t, s.row.quorum);
      await tx.query(
        `UPDATE public_evaluation SET status = 'concluded', opinion = $2, support = $3, oppose = $4, abstain = $5, recommendations = $6, concluded_by = $7, concluded_at = $8 WHERE id = $1`,
        [s.row.id, opinion, t.support, t.oppose, t.abstain, cmd.recommendations ?? null, cmd.by.userId ?? null, now],
      );
      await appendToOutbox(tx, PublicEvaluationConcluded, {
        publicEvaluationId: s.row.id,
        grievanceId: s.row.grievance_id,
        ...(s.row.tracking_code ? { trackingCode: s.row.tracking_code } : {}),
        opinion,
        rule: s.row.rule,
        ...t,
        quorum: s.row.quorum,
        concludedAt: now.toISOString(),
      });
      return s.row.id;
    });
  }

  private async openSession(tx: EntityManager, id: string): Promise<LoadedSession> {
    const s = await loadSession(tx, id, true);
    if (s.row.status !== 'open') throw new PublicEvaluationError('concluded', '公开评议已结束 / the public evaluation has concluded', 'publicEvaluationId');
    return s;
  }

  /** Runs the change in one transaction (row locked where it decides) and answers the new view. */
  private async command(change: (tx: EntityManager) => Promise<string>): Promise<PublicEvaluationView> {
    const view = await this.db.transaction(async (tx) => toView(await loadSession(tx, await change(tx))));
    this.relay?.kick();
    return view;
  }
}
