import { refusalError } from '../common/refusal-error';

/** Why a reception command was refused; each maps to one RPC code. */
export class ReceptionError extends refusalError({
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
}) {}

export { violatedConstraint } from '../common/pg-errors';
