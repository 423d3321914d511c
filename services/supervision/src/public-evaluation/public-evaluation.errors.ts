import { refusalError } from '../common/refusal-error';

/** Why a public-evaluation command was refused; each maps to one RPC code. */
export class PublicEvaluationError extends refusalError({
  no_such_evaluation: 'NOT_FOUND',
  /** The matter already has a session that has not concluded. */
  already_open: 'CONFLICT',
  not_on_panel: 'CONFLICT',
  already_voted: 'CONFLICT',
  concluded: 'CONFLICT',
  duplicate_evaluator: 'BAD_REQUEST',
  invalid_quorum: 'BAD_REQUEST',
  actor_not_permitted: 'FORBIDDEN',
}) {}
