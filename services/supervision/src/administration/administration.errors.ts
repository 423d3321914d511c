import type { RpcErrorCode } from '@yikouban/messaging';
import { DomainError } from '@yikouban/service-kit';

/** Why a calendar or policy change was refused; each maps to one RPC code. */
export const ADMINISTRATION_REFUSALS = {
  /** Not a real calendar date, or outside the years the calendar serves. */
  invalid_date: 'BAD_REQUEST',
  /** An override needs a note saying why (the festival, the make-up day). */
  invalid_note: 'BAD_REQUEST',
  /** A query range that ends before it starts or spans more than a year. */
  invalid_range: 'BAD_REQUEST',
  /** An override that says what the calendar already says. */
  override_redundant: 'BAD_REQUEST',
  /** The jurisdiction already has an override for the date. */
  override_conflict: 'CONFLICT',
  override_not_found: 'NOT_FOUND',
  /** Policy data that breaks a rule, a local policy looser than the statutory one included. */
  invalid_policy: 'BAD_REQUEST',
  /** Versions start now or later: a clock already running keeps its policy. */
  effective_in_past: 'BAD_REQUEST',
  /** A later version (or retirement) is already scheduled. */
  version_conflict: 'CONFLICT',
  policy_not_found: 'NOT_FOUND',
  /** Statutory policies are law, not data an administrator edits. */
  statutory_read_only: 'FORBIDDEN',
  actor_not_permitted: 'FORBIDDEN',
} as const satisfies Record<string, RpcErrorCode>;
export type AdministrationRefusal = keyof typeof ADMINISTRATION_REFUSALS;

/** A refusal: the code first in the message, then Chinese and English; `field` names the input at fault. */
export class AdministrationError extends DomainError {
  constructor(
    readonly refusal: AdministrationRefusal,
    message: string,
    field?: string,
  ) {
    super(ADMINISTRATION_REFUSALS[refusal], `${refusal}: ${message}`, field ? [{ field, problems: [message] }] : undefined);
    this.name = 'AdministrationError';
  }
}
