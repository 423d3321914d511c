import { refusalError } from '../common/refusal-error';

/** Why a calendar or policy change was refused; each maps to one RPC code. */
export class AdministrationError extends refusalError({
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
}) {}
