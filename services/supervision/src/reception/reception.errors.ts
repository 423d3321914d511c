import type { RpcErrorCode } from '@yikouban/messaging';
import { DomainError } from '@yikouban/service-kit';

/** Why a reception command was refused; each maps to one RPC code. */
export const RECEPTION_REFUSALS = {
  no_such_day: 'NOT_FOUND',
  no_such_appointment: 'NOT_FOUND',
  /** Supervision has not (yet) heard of the grievance named. */
  no_such_grievance: 'NOT_FOUND',
  /** The leader already has this half-day on the rota. */
  leader_slot_taken: 'CONFLICT',
  /** The legal adviser already sits with another leader in this half-day. */
  adviser_slot_taken: 'CONFLICT',
  slot_full: 'CONFLICT',
  /** The grievance already holds an appointment not yet received. */
  already_booked: 'CONFLICT',
  /** 初信初访: the slot is later than the local policy's window for a leader's reception. */
  outside_first_time_window: 'CONFLICT',
  slot_passed: 'CONFLICT',
  already_recorded: 'CONFLICT',
  /** A reception day on a day off of the jurisdiction's calendar. */
  not_a_working_day: 'BAD_REQUEST',
  invalid_range: 'BAD_REQUEST',
  invalid_date: 'BAD_REQUEST',
  actor_not_permitted: 'FORBIDDEN',
} as const satisfies Record<string, RpcErrorCode>;
export type ReceptionRefusal = keyof typeof RECEPTION_REFUSALS;

/** A refusal: the code first in the message, then Chinese and English; `field` names the input at fault. */
export class ReceptionError extends DomainError {
  constructor(
    readonly refusal: ReceptionRefusal,
    message: string,
    field?: string,
  ) {
    super(RECEPTION_REFUSALS[refusal], `${refusal}: ${message}`, field ? [{ field, problems: [message] }] : undefined);
    this.name = 'ReceptionError';
  }
}

/** The name of the constraint a PostgreSQL unique or check violation broke, if that is what it was. */
export function violatedConstraint(err: unknown): string | null {
  const e = err as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e.driverError?.code ?? e.code;
  if (code !== '23505' && code !== '23514') return null;
  return e.driverError?.constraint ?? e.constraint ?? null;
}
