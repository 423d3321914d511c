import type { FieldProblem } from '@yikouban/contracts';
import type { RpcErrorCode } from '@yikouban/messaging';
import { DomainError } from '@yikouban/service-kit';
import { HandoffTransitionError, type HandoffErrorCode } from './domain';

/** Refusals that depend on where the handoff stands (another command got there first, a window closed). */
const CONFLICTS: ReadonlySet<HandoffErrorCode> = new Set<HandoffErrorCode>([
  'illegal_transition',
  'consent_required',
  'deadline_passed',
  'consent_already_recorded',
  'parties_fixed',
  'duplicate_session',
  'session_already_recorded',
  'session_not_yet_held',
  'session_record_required',
  'time_limit_not_passed',
  'not_applicable',
  'confirmation_already_requested',
  'no_confirmation_pending',
  'already_performed',
]);

export function rpcCodeOf(code: HandoffErrorCode): RpcErrorCode {
  if (code === 'actor_not_permitted') return 'FORBIDDEN';
  return CONFLICTS.has(code) ? 'CONFLICT' : 'BAD_REQUEST';
}

/** Maps a domain field name to where it sits in the wire payload. */
export type FieldMap = (field: string | undefined) => string;

/** `signatures[1].signedAt` → `signatures.1.signedAt`, as class-validator names list items. */
const dotted = (field: string): string => field.replace(/\[(\d+)\]/g, '.$1');

/** Commands: the actor at the top (`by.orgCode`), everything else under `command.`. */
export const commandField: FieldMap = (field) => {
  if (field === undefined || field === 'status' || field === 'state.status' || field === 'type') return 'command.type';
  if (field.startsWith('by.') || field === 'now') return field;
  return `command.${dotted(field)}`;
};

/** Requests: organisations by their codes, list items in class-validator's `parties.0.name` style. */
export const requestField: FieldMap = (field) => {
  if (field === undefined) return 'kind';
  if (field.startsWith('source.')) return 'sourceOrgCode';
  if (field.startsWith('target.')) return 'targetOrgCode';
  if (field.startsWith('route.')) return field.slice('route.'.length);
  return dotted(field);
};

/**
 * A refused transition as the edge sends it: the NATS reply `{ code, message, fields }` carries the
 * domain's own code first in the message and in every field problem; agreement problems (Art 29,
 * signatures) each get their own field.
 */
export function toDomainError(err: HandoffTransitionError, fieldOf: FieldMap = commandField): DomainError {
  const fields: FieldProblem[] = [{ field: fieldOf(err.field), problems: [`${err.code}: ${err.message}`] }];
  for (const a of err.agreementErrors) fields.push({ field: `command.agreement.${dotted(a.field)}`, problems: [`${a.code}: ${a.message}`] });
  return new DomainError(rpcCodeOf(err.code), `${err.code}: ${err.message}`, fields);
}

/** Runs a domain step, turning its refusal into the coded error the edge sends. */
export function applyDomain<T>(step: () => T, fieldOf: FieldMap = commandField): T {
  try {
    return step();
  } catch (err) {
    if (err instanceof HandoffTransitionError) throw toDomainError(err, fieldOf);
    throw err;
  }
}

/** A service-level refusal in the same shape as the domain's. */
export function refusal(rpc: RpcErrorCode, code: string, message: string, field: string): DomainError {
  return new DomainError(rpc, `${code}: ${message}`, [{ field, problems: [`${code}: ${message}`] }]);
}
