import type { MediationAgreement } from './agreement';
import type {
  Actor,
  FailureEnd,
  HandoffCommandType,
  HandoffParty,
  JudicialConfirmationDecision,
  PerformanceStatus,
  SessionMode,
} from './handoff.types';

interface By {
  by: Actor;
}

/** Commands carry Date objects for instants the caller supplies; the state stores ISO strings. */
export type HandoffCommand = By &
  (
    | { type: 'accept' }
    | { type: 'decline'; reason: string }
    /** The whole list again: ids, names and roles (核实当事人). */
    | { type: 'record_parties'; parties: readonly HandoffParty[] }
    | { type: 'appoint_mediator'; mediatorId: string; chosenByParties: boolean; conflictOfInterestDeclared: boolean; conflicts?: string }
    | { type: 'record_consent'; partyId: string; consents: boolean }
    | { type: 'schedule_session'; sessionId: string; at: Date; mode: SessionMode; location?: string }
    | { type: 'record_session'; sessionId: string; participants: readonly string[]; record: string }
    | { type: 'conclude_agreement'; agreement: MediationAgreement }
    | { type: 'conclude_failure'; end: FailureEnd; reason: string }
    /** Extension needs every party's consent (在线调解规则 Art 24); the ids make that checkable. */
    | { type: 'extend_time_limit'; days: number; consentingPartyIds: readonly string[] }
    | { type: 'request_judicial_confirmation'; courtOrgCode: string; at: Date }
    | { type: 'record_judicial_confirmation'; decision: JudicialConfirmationDecision; at: Date }
    | { type: 'record_performance'; status: PerformanceStatus; note: string }
    | { type: 'return_to_source'; note?: string }
  );

export type CommandOf<T extends HandoffCommandType> = Extract<HandoffCommand, { type: T }>;
