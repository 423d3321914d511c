import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import type { OverrideTriage, TriageView } from '@yikouban/contracts';
import { OutboxRelay } from '@yikouban/messaging';
import { COLOUR_POLICY, type ColourPolicy } from '../triage/colour-policy';
import { recordTriage } from '../triage/triage-recorder';
import type { TriageDecision } from '../triage/triage.types';
import { AssignmentStore } from './assignment-store';
import { refusal } from './workbench-errors';

interface TriageRow {
  id: string;
  grievance_id: string;
  category_code: string | null;
  statutory_path: TriageDecision['statutoryPath'];
  diversion: TriageDecision['diversion'];
  complexity: TriageDecision['complexity'];
  colour: TriageDecision['colour'];
  colour_policy: string;
  guided_to: string | null;
  decided_by: string;
  decided_at: Date;
  replaces: string | null;
  override_reason: string | null;
}

const COLUMNS = 'id, grievance_id, category_code, statutory_path, diversion, complexity, colour, colour_policy, guided_to, decided_by, decided_at, replaces, override_reason';

/**
 * An operator corrects triage: a new decision that names the one it replaces and the reason,
 * published as `routing.grievance.triaged` with the operator as decidedBy. What the operator does
 * not change is carried over. Re-routing after an override is the operator's next step
 * (reassign or redirect), not automatic.
 */
@Injectable()
export class TriageOverrideService {
  constructor(
    private readonly db: DataSource,
    private readonly store: AssignmentStore,
    @Inject(COLOUR_POLICY) private readonly colours: ColourPolicy,
    @Optional() private readonly relay?: OutboxRelay,
  ) {}

  async override(c: OverrideTriage): Promise<TriageView> {
    if (c.statutoryPath === undefined && c.complexity === undefined && c.colour === undefined) {
      throw refusal('BAD_REQUEST', 'nothing_to_override', '须至少调整法定途径、繁简程度或预警颜色之一 (change at least one of statutoryPath, complexity, colour)', 'statutoryPath');
    }
    let id: string;
    try {
      id = await this.db.transaction(async (tx) => {
        // The same lock as the workbench's: overrides of one grievance apply one after the other.
        await this.store.lockGrievance(tx, c.grievanceId);
        const current: TriageRow[] = await tx.query(
          `SELECT ${COLUMNS} FROM triage_decision t WHERE grievance_id = $1 AND NOT EXISTS (SELECT 1 FROM triage_decision r WHERE r.replaces = t.id)
           ORDER BY decided_at DESC LIMIT 1 FOR UPDATE`,
          [c.grievanceId],
        );
        const prev = current[0];
        if (!prev && (await tx.query('SELECT 1 FROM assignment WHERE grievance_id = $1 LIMIT 1', [c.grievanceId])).length === 0) {
          throw refusal('NOT_FOUND', 'not_found', `路由服务中没有信访事项 ${c.grievanceId} (routing knows no such grievance)`, 'grievanceId');
        }
        const statutoryPath = c.statutoryPath ?? prev?.statutory_path;
        const complexity = c.complexity ?? prev?.complexity;
        const colour = c.colour ?? prev?.colour;
        if (!statutoryPath || !complexity || !colour) {
          throw refusal('BAD_REQUEST', 'no_triage_to_override', '该事项尚无甄别结果，须同时给出法定途径、繁简程度和预警颜色 (no triage yet: give statutoryPath, complexity and colour)', 'grievanceId');
        }
        const decision: TriageDecision = {
          statutoryPath,
          complexity,
          colour,
          reason: { zh: `人工调整：${c.reason}`, en: `operator override: ${c.reason}` },
          // The body follows the road: kept only when the road is unchanged.
          guidedTo: prev && prev.statutory_path === statutoryPath ? prev.guided_to : null,
          diversion: prev?.diversion ?? null,
          colourPolicy: prev?.colour_policy ?? this.colours.code,
        };
        return recordTriage(tx, c.grievanceId, prev?.category_code ?? null, decision, { decidedBy: c.operatorId, ...(prev ? { replaces: prev.id } : {}), overrideReason: c.reason });
      });
    } catch (err) {
      const constraint = (err as QueryFailedError & { driverError?: { constraint?: string } }).driverError?.constraint;
      if (constraint === 'triage_replaced_once') throw refusal('CONFLICT', 'stale_triage', '甄别结果已被他人调整，请刷新后重试 (overridden meanwhile)', 'grievanceId');
      throw err;
    }
    this.relay?.kick();
    const rows: TriageRow[] = await this.db.query(`SELECT ${COLUMNS} FROM triage_decision WHERE id = $1`, [id]);
    return toTriageView(rows[0] as TriageRow);
  }
}

function toTriageView(r: TriageRow): TriageView {
  return {
    decisionId: r.id,
    grievanceId: r.grievance_id,
    categoryCode: r.category_code,
    statutoryPath: r.statutory_path,
    diversion: r.diversion,
    complexity: r.complexity,
    colour: r.colour,
    colourPolicy: r.colour_policy,
    guidedTo: r.guided_to,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at.toISOString(),
    replaces: r.replaces,
    overrideReason: r.override_reason,
  };
}
