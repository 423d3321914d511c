import { refusalError } from '../common/refusal-error';

/** Why a command after the reply was refused; each maps to one RPC code. */
export class AftercareError extends refusalError({
  /** Nothing to evaluate, close or review before the unit's reply. */
  not_replied: 'NOT_FOUND',
  already_evaluated: 'CONFLICT',
  not_evaluable: 'CONFLICT',
  rework_needs_not_satisfied: 'CONFLICT',
  already_closed: 'CONFLICT',
  not_closable: 'CONFLICT',
  /** Closing without an evaluation of the current answer needs a note saying why. */
  note_required: 'BAD_REQUEST',
  review_pending: 'CONFLICT',
  rework_pending: 'CONFLICT',
  wrong_level: 'CONFLICT',
  /** 第三十五条 / 第三十六条: outside the 30-day window. */
  window_closed: 'CONFLICT',
  /** 第三十六条: after 复核 the same matter is not accepted again. */
  final: 'CONFLICT',
  no_pending_review: 'CONFLICT',
  invalid_date: 'BAD_REQUEST',
  /** Only staff record a call, a visit, a late-dated request or an answer; the citizen uses the portal. */
  actor_not_permitted: 'FORBIDDEN',
}) {}
