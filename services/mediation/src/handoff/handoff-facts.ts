import type { EntityManager } from 'typeorm';
import {
  AgreementConfirmed,
  DeadlineSet,
  HandoffAccepted,
  HandoffConcluded,
  HandoffDeclined,
  HandoffRequested,
  HandoffReturned,
  type DeadlineSetV1,
  type EventContract,
  type MediationDeadlineStep,
} from '@yikouban/contracts';
import { appendToOutbox } from '@yikouban/messaging';
import { MEDIATION_TIME_LIMITS, timeLimitEnd, type HandoffDomainEvent, type TimeLimit } from './domain';
import type { StoredHandoff } from './handoff.repository';

/** A contract event ready for the outbox. */
export interface Fact {
  contract: EventContract<object>;
  data: object;
  occurredAt: Date;
}

function dueAt(startedAt: string, limit: TimeLimit): string {
  return timeLimitEnd(new Date(startedAt), limit).toISOString();
}

/**
 * The public facts of one transition. Internal steps (consents, sessions, performance) stay in the
 * timeline; the ones other services act on become contract events, and every step that runs
 * against a time limit publishes it as `mediation.deadline.set` for supervision's clocks.
 */
export function factsOf(h: StoredHandoff, events: readonly HandoffDomainEvent[]): Fact[] {
  const s = h.state;
  const base = {
    handoffId: s.id,
    kind: s.route.kind,
    ...(h.grievanceId ? { grievanceId: h.grievanceId } : {}),
    sourceReference: s.sourceReference,
    sourceOrgCode: s.source.orgCode,
    targetOrgCode: s.target.orgCode,
    regionCode: h.regionCode,
  };
  const deadline = (step: MediationDeadlineStep, limit: TimeLimit, startedAt: string, due = dueAt(startedAt, limit)): Fact => {
    const data: DeadlineSetV1 = {
      handoffId: s.id,
      kind: s.route.kind,
      ...(h.grievanceId ? { grievanceId: h.grievanceId } : {}),
      step,
      amount: limit.amount,
      unit: limit.unit,
      source: limit.source,
      responsibleOrgCode: s.target.orgCode,
      startedAt,
      dueAt: due,
    };
    return { contract: DeadlineSet, data, occurredAt: new Date(startedAt) };
  };
  const facts: Fact[] = [];
  const add = (contract: EventContract<object>, data: object, at: string) => facts.push({ contract, data, occurredAt: new Date(at) });
  for (const e of events) {
    switch (e.type) {
      case 'handoff.requested': {
        const r = e.route;
        add(HandoffRequested, { ...base, at: e.at, ...('stage' in r ? { stage: r.stage } : {}), ...('procedure' in r ? { procedure: r.procedure } : {}) }, e.at);
        facts.push(deadline('handoff_acceptance', MEDIATION_TIME_LIMITS.handoffAcceptance, e.at));
        break;
      }
      case 'handoff.accepted':
        add(HandoffAccepted, { ...base, at: e.at, ...(e.mediationDueAt ? { mediationDueAt: e.mediationDueAt } : {}) }, e.at);
        facts.push(deadline('mediator_appointment', MEDIATION_TIME_LIMITS.mediatorAppointment, e.at));
        facts.push(deadline('mediation', e.timeLimit, e.at, e.mediationDueAt ?? undefined));
        break;
      case 'handoff.declined':
        add(HandoffDeclined, { ...base, at: e.at, reason: e.reason }, e.at);
        break;
      case 'handoff.time_limit_extended': {
        // The period runs from acceptance; its length is the base plus every extension so far.
        const extended = s.extensions.reduce((n, x) => n + x.days, 0);
        const started = s.acceptedAt ?? e.at;
        const limit = { ...s.timeLimit, amount: s.timeLimit.amount + extended };
        facts.push(deadline('mediation', limit, started, e.mediationDueAt ?? undefined));
        break;
      }
      case 'handoff.concluded':
        if (e.outcome === 'agreement') {
          const ends = e.confirmationApplicationEndsAt;
          add(HandoffConcluded, { ...base, at: e.at, outcome: 'agreement', agreementId: e.agreementId, effectiveAt: e.effectiveAt, ...(ends ? { confirmationApplicationEndsAt: ends } : {}) }, e.at);
          if (ends) facts.push(deadline('judicial_confirmation_application', MEDIATION_TIME_LIMITS.judicialConfirmationApplication, e.effectiveAt, ends));
        } else {
          add(HandoffConcluded, { ...base, at: e.at, outcome: 'failure', end: e.end, reason: e.reason, otherRoads: [...e.otherRoads] }, e.at);
        }
        break;
      case 'agreement.confirmed':
        add(AgreementConfirmed, { ...base, agreementId: e.agreementId, courtOrgCode: e.courtOrgCode, decidedAt: e.decidedAt }, e.at);
        break;
      case 'handoff.returned':
        add(HandoffReturned, { ...base, at: e.at, outcome: e.outcome, followUp: e.followUp, ...(e.note ? { note: e.note } : {}) }, e.at);
        break;
      default:
        break;
    }
  }
  return facts;
}

/** Writes the facts into the outbox in the caller's transaction (published after commit by the relay). */
export async function recordFacts(tx: EntityManager, h: StoredHandoff, events: readonly HandoffDomainEvent[]): Promise<number> {
  const facts = factsOf(h, events);
  for (const f of facts) await appendToOutbox(tx, f.contract, f.data, { occurredAt: f.occurredAt });
  return facts.length;
}
