import type { AgreementError } from './agreement';
import type { HandoffCommandType, HandoffStatus, SourceStep } from './handoff.types';

export const HANDOFF_ERROR_CODES = [
  /** The command is not allowed in this status at all. */
  'illegal_transition',
  /** Mediation steps before every party consented, or an extension without every party's consent. */
  'consent_required',
  /** A statutory window has closed (mediation period, judicial confirmation application). */
  'deadline_passed',
  /** The mediator made no conflict-of-interest declaration (在线调解规则 Art 13). */
  'conflict_of_interest_undeclared',
  /** The mediator declared a conflict, or is a party. */
  'conflict_of_interest',
  /** A malformed command or request: empty text, bad date, bad number. */
  'invalid_command',
  'unknown_party',
  /** The parties are fixed once any of them answered on consent (人民调解法 Art 17). */
  'parties_fixed',
  'consent_already_recorded',
  'unknown_session',
  'duplicate_session',
  'session_already_recorded',
  'session_not_yet_held',
  /** An agreement needs at least one recorded session in the file (人民调解法 Art 27). */
  'session_record_required',
  'invalid_agreement',
  /** Time limit passed is claimed before the period ended. */
  'time_limit_not_passed',
  /** Judicial confirmation for post-filing mediation: the court issues a 调解书 instead. */
  'not_applicable',
  'wrong_court',
  'confirmation_already_requested',
  'no_confirmation_pending',
  'already_performed',
  'actor_not_permitted',
] as const;
export type HandoffErrorCode = (typeof HANDOFF_ERROR_CODES)[number];

/** A refused command, request or recall. `from` is null when creating a handoff. */
export class HandoffTransitionError extends Error {
  override readonly name = 'HandoffTransitionError';

  constructor(
    readonly code: HandoffErrorCode,
    readonly from: HandoffStatus | null,
    readonly command: HandoffCommandType | SourceStep,
    /** Chinese first, English after. */
    message: string,
    readonly field?: string,
    readonly agreementErrors: readonly AgreementError[] = [],
  ) {
    super(message);
  }
}
