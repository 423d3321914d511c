import { refusalError } from '../common/refusal-error';

/** Why an oversight command was refused; each maps to one RPC code. */
export class OversightError extends refusalError({
  notice_not_found: 'NOT_FOUND',
  campaign_not_found: 'NOT_FOUND',
  /** The case has no lead unit yet and none was named. */
  no_handling_unit: 'BAD_REQUEST',
  /** A response is written only while one is due; a verdict only on a response waiting for it. */
  not_awaiting_response: 'CONFLICT',
  not_awaiting_review: 'CONFLICT',
  note_required: 'BAD_REQUEST',
  campaign_name_taken: 'CONFLICT',
  /** Only the unit addressed responds; only the issuing body reviews; staff only. */
  not_addressee: 'FORBIDDEN',
  not_issuer: 'FORBIDDEN',
  actor_not_permitted: 'FORBIDDEN',
}) {}
