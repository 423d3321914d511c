import type { RpcErrorCode } from '@yikouban/messaging';
import { DomainError } from '@yikouban/service-kit';

/** Why a public-evaluation command was refused; each maps to one RPC code. */
export const PUBLIC_EVALUATION_REFUSALS = {
  no_such_evaluation: 'NOT_FOUND',
  /** The matter already has a session that has not concluded. */
  already_open: 'CONFLICT',
  not_on_panel: 'CONFLICT',
  already_voted: 'CONFLICT',
  concluded: 'CONFLICT',
  duplicate_evaluator: 'BAD_REQUEST',
  invalid_quorum: 'BAD_REQUEST',
  actor_not_permitted: 'FORBIDDEN',
} as const satisfies Record<string, RpcErrorCode>;
export type PublicEvaluationRefusal = keyof typeof PUBLIC_EVALUATION_REFUSALS;

export class PublicEvaluationError extends DomainError {
  constructor(
    readonly refusal: PublicEvaluationRefusal,
    message: string,
    field?: string,
  ) {
    super(PUBLIC_EVALUATION_REFUSALS[refusal], `${refusal}: ${message}`, field ? [{ field, problems: [message] }] : undefined);
    this.name = 'PublicEvaluationError';
  }
}
