import type { RpcErrorCode } from '@yikouban/messaging';
import { DomainError } from '@yikouban/service-kit';

/** Why an oversight command was refused; each maps to one RPC code. */
export const OVERSIGHT_REFUSALS = {
  notice_not_found: 'NOT_FOUND',
  campaign_not_found: 'NOT_FOUND',
  /** The case has no lead unit yet and none was named. */
  no_handling_unit: 'BAD_REQUEST',
  /** A response is written only while one is due; a verdict only on a response waiting for it. */
  not_awaiting_response: 'CONFLICT',
  not_awaiting_review: 'CONFLICT',
  note_required: 'BAD_REQUEST',
  campaign_name_taken: 'CONFLICT',
  invalid_cursor: 'BAD_REQUEST',
  /** Only the unit addressed responds; only the issuing body reviews; staff only. */
  not_addressee: 'FORBIDDEN',
  not_issuer: 'FORBIDDEN',
  actor_not_permitted: 'FORBIDDEN',
} as const satisfies Record<string, RpcErrorCode>;
export type OversightRefusal = keyof typeof OVERSIGHT_REFUSALS;

/** A refusal: the code first in the message, then Chinese and English; `field` names the input at fault. */
export class OversightError extends DomainError {
  constructor(
    readonly refusal: OversightRefusal,
    message: string,
    field?: string,
  ) {
    super(OVERSIGHT_REFUSALS[refusal], `${refusal}: ${message}`, field ? [{ field, problems: [message] }] : undefined);
    this.name = 'OversightError';
  }
}
