import type {
  FailureEnd,
  HandoffKind,
  HandoffParty,
  HandoffRoute,
  HandoffState,
  OtherRoad,
  PerformanceStatus,
  SessionMode,
  SourceFollowUp,
} from './handoff.types';
import type { TimeLimit } from './time-limits';

interface EventBase {
  handoffId: string;
  /** When the transition happened (the `now` given to the state machine), ISO-8601. */
  at: string;
}

/**
 * Facts the state machine reports. The service maps the public ones onto contract subjects
 * (mediation.handoff.requested/accepted/declined/concluded, mediation.agreement.confirmed).
 */
export type HandoffDomainEvent = EventBase &
  (
    | { type: 'handoff.requested'; route: HandoffRoute; sourceOrgCode: string; targetOrgCode: string }
    | { type: 'handoff.accepted'; timeLimit: TimeLimit; mediationDueAt: string | null }
    | { type: 'handoff.declined'; reason: string }
    /** Internal: kept in the file's history with the list it replaced (e.g. 访调's placeholders). */
    | { type: 'handoff.parties_recorded'; parties: readonly HandoffParty[]; previous: readonly HandoffParty[] }
    | { type: 'handoff.mediator_appointed'; mediatorId: string; chosenByParties: boolean; replacedMediatorId: string | null }
    | { type: 'handoff.consent_recorded'; partyId: string; consents: boolean; allConsented: boolean }
    | { type: 'handoff.session_scheduled'; sessionId: string; sessionAt: string; mode: SessionMode; location: string | null }
    | { type: 'handoff.session_recorded'; sessionId: string; participants: readonly string[] }
    | { type: 'handoff.time_limit_extended'; days: number; mediationDueAt: string | null }
    | {
        type: 'handoff.concluded';
        kind: HandoffKind;
        outcome: 'agreement';
        agreementId: string;
        effectiveAt: string;
        /** Last instant to apply for judicial confirmation, when it applies (人民调解法 Art 33). */
        confirmationApplicationEndsAt: string | null;
      }
    | {
        type: 'handoff.concluded';
        kind: HandoffKind;
        outcome: 'failure';
        end: FailureEnd;
        reason: string;
        /** 人民调解法 Art 26: the parties are told of arbitration, administrative and judicial roads. */
        otherRoads: readonly OtherRoad[];
      }
    | { type: 'agreement.confirmation_requested'; agreementId: string; courtOrgCode: string; requestedAt: string }
    | { type: 'agreement.confirmed' | 'agreement.confirmation_rejected'; agreementId: string; courtOrgCode: string; decidedAt: string }
    | { type: 'agreement.performance_recorded'; agreementId: string; status: PerformanceStatus; note: string }
    | { type: 'handoff.returned'; outcome: 'agreement' | 'failure'; followUp: SourceFollowUp; note: string | null }
  );

export type HandoffDomainEventType = HandoffDomainEvent['type'];

/** What a transition returns: the next state and the facts it produced, in order. */
export interface TransitionResult {
  state: HandoffState;
  events: HandoffDomainEvent[];
}
