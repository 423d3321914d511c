import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { agreementEffectiveAt, type HandoffDomainEvent, type HandoffState, type HandoffStatus } from './domain';

/** A handoff as stored: the domain state plus what the service keeps beside it. */
export interface StoredHandoff {
  state: HandoffState;
  version: number;
  regionCode: string;
  grievanceId: string | null;
}

/** Where a request came from when it was not asked for directly: routing's redirect of a lead assignment. */
export interface RequestOrigin {
  sourceAssignmentId: string;
}

export const OPEN_STATUSES: readonly HandoffStatus[] = ['requested', 'accepted', 'mediator_appointed', 'awaiting_consent', 'consented', 'in_session'];

const DAY_MS = 86_400_000;

interface Row {
  state: HandoffState;
  version: number;
  region_code: string;
  grievance_id: string | null;
}
const toStored = (r: Row): StoredHandoff => ({ state: r.state, version: r.version, regionCode: r.region_code, grievanceId: r.grievance_id });

/** The indexed columns maintained from the state on every save (inbox, sent list, statistics). */
function columnsOf(s: HandoffState) {
  const concluded = s.conclusion;
  return {
    status: s.status,
    mediatorId: s.mediator?.mediatorId ?? null,
    acceptedAt: s.acceptedAt ?? null,
    concludedAt: concluded?.at ?? null,
    outcome: concluded?.outcome ?? null,
    failureEnd: concluded?.outcome === 'failure' ? concluded.end : null,
    durationDays: concluded ? (Date.parse(concluded.at) - Date.parse(s.requestedAt)) / DAY_MS : null,
    returnedAt: s.returned?.at ?? null,
  };
}

/**
 * Writes handoffs. Every write runs in the caller's transaction, so the state, its projections
 * and the outbox facts commit together; loads for a command take the row lock.
 */
@Injectable()
export class HandoffRepository {
  constructor(private readonly db: DataSource) {}

  /** Loads a handoff and locks its row until the transaction ends: concurrent commands queue here. */
  async lock(tx: EntityManager, id: string): Promise<StoredHandoff | undefined> {
    const rows: Row[] = await tx.query('SELECT state, version, region_code, grievance_id FROM handoff WHERE id = $1 FOR UPDATE', [id]);
    return rows[0] ? toStored(rows[0]) : undefined;
  }

  /** Open 访调 handoffs of one petition case, locked. */
  async lockOpenPetitionHandoffs(tx: EntityManager, grievanceId: string): Promise<StoredHandoff[]> {
    const rows: Row[] = await tx.query(
      `SELECT state, version, region_code, grievance_id FROM handoff
       WHERE grievance_id = $1 AND kind = 'petition_mediation' AND status = ANY ($2) ORDER BY created_at FOR UPDATE`,
      [grievanceId, OPEN_STATUSES],
    );
    return rows.map(toStored);
  }

  async hasOpenPetitionHandoff(grievanceId: string, m: EntityManager = this.db.manager): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM handoff WHERE grievance_id = $1 AND kind = 'petition_mediation' AND status = ANY ($2) LIMIT 1`,
      [grievanceId, OPEN_STATUSES],
    );
    return rows.length > 0;
  }

  /** The handoff a redirect of this grievance's lead assignment already made, if any. */
  async fromRedirect(m: EntityManager, grievanceId: string, sourceAssignmentId: string): Promise<string | undefined> {
    const rows: { id: string }[] = await m.query('SELECT id FROM handoff WHERE grievance_id = $1 AND source_assignment_id = $2', [grievanceId, sourceAssignmentId]);
    return rows[0]?.id;
  }

  /** `origin`: the redirected assignment, for a handoff made from routing's redirect. */
  async insert(tx: EntityManager, h: StoredHandoff, events: readonly HandoffDomainEvent[], origin?: RequestOrigin): Promise<void> {
    const s = h.state;
    const c = columnsOf(s);
    const route = s.route;
    await tx.query(
      `INSERT INTO handoff (id, kind, stage, procedure, status, source_org_code, target_org_code, grievance_id, source_reference, region_code,
         mediator_id, parties, state, version, created_at, updated_at, accepted_at, concluded_at, outcome, failure_end, duration_days, returned_at,
         source_assignment_id)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$15,$16,$17,$18,$19,$20,$21,$22)`,
      [
        s.id, route.kind, 'stage' in route ? route.stage : null, 'procedure' in route ? route.procedure : null, c.status,
        s.source.orgCode, s.target.orgCode, h.grievanceId, s.sourceReference, h.regionCode,
        c.mediatorId, JSON.stringify(s.parties), JSON.stringify(s), h.version, s.requestedAt,
        c.acceptedAt, c.concludedAt, c.outcome, c.failureEnd, c.durationDays, c.returnedAt,
        origin?.sourceAssignmentId ?? null,
      ],
    );
    await this.appendTimeline(tx, s, 0, events);
  }

  /** Saves the next state of a locked handoff; returns the new version. */
  async save(tx: EntityManager, before: StoredHandoff, next: HandoffState, events: readonly HandoffDomainEvent[]): Promise<number> {
    const c = columnsOf(next);
    const version = before.version + 1;
    await tx.query(
      `UPDATE handoff SET status = $2, mediator_id = $3, state = $4, version = $5, updated_at = $6, accepted_at = $7,
         concluded_at = $8, outcome = $9, failure_end = $10, duration_days = $11, returned_at = $12, parties = $13
       WHERE id = $1`,
      [next.id, c.status, c.mediatorId, JSON.stringify(next), version, next.timeline.at(-1)?.at ?? next.requestedAt,
        c.acceptedAt, c.concludedAt, c.outcome, c.failureEnd, c.durationDays, c.returnedAt, JSON.stringify(next.parties)],
    );
    await this.appendTimeline(tx, next, before.state.timeline.length, events);
    await this.projectAgreement(tx, before.state, next);
    return version;
  }

  private async appendTimeline(tx: EntityManager, s: HandoffState, from: number, events: readonly HandoffDomainEvent[]): Promise<void> {
    for (let seq = from; seq < s.timeline.length; seq++) {
      const e = s.timeline[seq];
      // The facts belong to the newest entry: each command adds exactly one line.
      const facts = seq === s.timeline.length - 1 ? events : [];
      await tx.query(
        `INSERT INTO handoff_transition (handoff_id, seq, at, command, from_status, to_status, actor_user_id, actor_org_code, facts)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
        [s.id, seq, e.at, e.command, e.from, e.to, e.actor.userId, e.actor.orgCode, JSON.stringify(facts)],
      );
    }
  }

  /** The agreement register (Art 29 fields) and the judicial confirmations, kept as rows for the ledger. */
  private async projectAgreement(tx: EntityManager, before: HandoffState, next: HandoffState): Promise<void> {
    const a = next.agreement;
    if (a === undefined) return;
    if (before.agreement === undefined) {
      await tx.query(
        `INSERT INTO agreement (id, handoff_id, parties, facts_and_dispute, responsibilities, terms, performance_manner, performance_deadline,
           mediator_id, mediator_name, org_code, org_name, signatures, effective_at, concluded_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15)`,
        [a.id, next.id, JSON.stringify(a.parties), a.factsAndDispute, a.responsibilities, JSON.stringify(a.terms), a.performance.manner,
          a.performance.deadline, a.mediator.id, a.mediator.name, a.organisation.orgCode, a.organisation.name, JSON.stringify(a.signatures),
          agreementEffectiveAt(a)?.toISOString(), next.conclusion?.at],
      );
    }
    const performance = next.performance.at(-1)?.status ?? null;
    if (performance !== (before.performance.at(-1)?.status ?? null)) {
      await tx.query('UPDATE agreement SET performance_status = $2 WHERE id = $1', [a.id, performance]);
    }
    const jc = next.judicialConfirmation;
    if (jc !== undefined && JSON.stringify(jc) !== JSON.stringify(before.judicialConfirmation)) {
      await tx.query(
        `INSERT INTO judicial_confirmation (agreement_id, handoff_id, court_org_code, requested_at, decision, decided_at) VALUES ($1,$2,$3,$4,$5,$6)
         ON CONFLICT (agreement_id) DO UPDATE SET decision = EXCLUDED.decision, decided_at = EXCLUDED.decided_at`,
        [a.id, next.id, jc.courtOrgCode, jc.requestedAt, jc.decision ?? null, jc.decidedAt ?? null],
      );
    }
  }
}
