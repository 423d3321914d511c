import type { MediationCommand } from '@yikouban/contracts';
import type { Actor, HandoffCommand, HandoffState, MediationAgreement, WithdrawRequest } from './domain';

export interface CommandContext {
  state: HandoffState;
  by: Actor;
  /** The appointed mediator's name, from the directory, for the agreement. */
  mediatorName: string | null;
  newId: () => string;
}

export type DomainStep = { kind: 'transition'; command: HandoffCommand } | { kind: 'withdraw'; request: WithdrawRequest };

/**
 * Who may issue a command, beyond what the state machine itself checks. The receiving
 * organisation runs the mediation; the court applied to may register the application; the source
 * may follow up on performance (回访); the court decides on confirmation and the source recalls
 * an unanswered request — those two the domain checks itself.
 */
export function mayIssue(cmd: MediationCommand, state: HandoffState, orgCode: string): boolean {
  switch (cmd.type) {
    case 'withdraw_request':
    case 'record_judicial_confirmation':
      return true;
    case 'request_judicial_confirmation':
      return orgCode === state.target.orgCode || orgCode === cmd.courtOrgCode;
    case 'record_performance':
      return orgCode === state.target.orgCode || orgCode === state.source.orgCode;
    default:
      return orgCode === state.target.orgCode;
  }
}

/**
 * The agreement as the domain wants it: parties default to the handoff's, the mediator and the
 * organisation are the appointed mediator and the receiving organisation.
 */
function agreementOf(cmd: Extract<MediationCommand, { type: 'conclude_agreement' }>, ctx: CommandContext): MediationAgreement {
  const a = cmd.agreement;
  const s = ctx.state;
  return {
    id: a.id ?? ctx.newId(),
    parties: (a.parties ?? s.parties.map((p) => ({ partyId: p.id, name: p.name, role: p.role }))).map((p) => ({ partyId: p.partyId, name: p.name, role: p.role })),
    factsAndDispute: a.factsAndDispute,
    responsibilities: a.responsibilities,
    terms: [...a.terms],
    performance: { manner: a.performance.manner, deadline: a.performance.deadline },
    mediator: { id: s.mediator?.mediatorId ?? '', name: ctx.mediatorName ?? '' },
    organisation: { orgCode: s.target.orgCode, name: s.target.name },
    signatures: a.signatures.map((x) => ({ partyId: x.partyId, signedAt: x.signedAt, method: x.method })),
  };
}

/** Translates a wire command (ISO strings, optional ids) into the domain's (Dates, every id set). */
export function toDomainStep(cmd: MediationCommand, ctx: CommandContext): DomainStep {
  const by = ctx.by;
  const t = (command: HandoffCommand): DomainStep => ({ kind: 'transition', command });
  switch (cmd.type) {
    case 'accept':
      return t({ type: 'accept', by });
    case 'decline':
      return t({ type: 'decline', reason: cmd.reason, by });
    case 'record_parties':
      // Ids as a request defaults them: party-<n>.
      return t({ type: 'record_parties', parties: cmd.parties.map((p, i) => ({ id: p.id ?? `party-${i + 1}`, name: p.name, role: p.role })), by });
    case 'appoint_mediator':
      return t({
        type: 'appoint_mediator',
        mediatorId: cmd.mediatorId,
        chosenByParties: cmd.chosenByParties,
        conflictOfInterestDeclared: cmd.conflictOfInterestDeclared,
        ...(cmd.conflicts !== undefined ? { conflicts: cmd.conflicts } : {}),
        by,
      });
    case 'record_consent':
      return t({ type: 'record_consent', partyId: cmd.partyId, consents: cmd.consents, by });
    case 'schedule_session':
      return t({
        type: 'schedule_session',
        sessionId: cmd.sessionId ?? `session-${ctx.state.sessions.length + 1}`,
        at: new Date(cmd.at),
        mode: cmd.mode,
        ...(cmd.location !== undefined ? { location: cmd.location } : {}),
        by,
      });
    case 'record_session':
      return t({ type: 'record_session', sessionId: cmd.sessionId, participants: [...cmd.participants], record: cmd.record, by });
    case 'conclude_agreement':
      return t({ type: 'conclude_agreement', agreement: agreementOf(cmd, ctx), by });
    case 'conclude_failure':
      return t({ type: 'conclude_failure', end: cmd.end, reason: cmd.reason, by });
    case 'extend_time_limit':
      return t({ type: 'extend_time_limit', days: cmd.days, consentingPartyIds: [...cmd.consentingPartyIds], by });
    case 'request_judicial_confirmation':
      return t({ type: 'request_judicial_confirmation', courtOrgCode: cmd.courtOrgCode, at: new Date(cmd.at), by });
    case 'record_judicial_confirmation':
      return t({ type: 'record_judicial_confirmation', decision: cmd.decision, at: new Date(cmd.at), by });
    case 'record_performance':
      return t({ type: 'record_performance', status: cmd.status, note: cmd.note, by });
    case 'return_to_source':
      return t({ type: 'return_to_source', ...(cmd.note !== undefined ? { note: cmd.note } : {}), by });
    case 'withdraw_request':
      return { kind: 'withdraw', request: { reason: cmd.reason, by } };
  }
}
