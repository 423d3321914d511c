/** Why the workbench refused a command; the edge maps each to an RPC code (see workbench-errors.ts). */
export const WORKBENCH_ERROR_CODES = [
  /** The command is not allowed in the assignment's status. */
  'illegal_transition',
  /** The acting organisation may not issue this command on this assignment. */
  'actor_not_permitted',
  /** 第二十三条: a misrouted assignment may be returned only within 5 working days. */
  'return_window_closed',
  /** A jurisdiction decision made this assignment: it binds and cannot be returned (第二十四条). */
  'decision_binding',
  /** Units disagree and the dispute waits for the common superior or the joint conference. */
  'jurisdiction_disputed',
  /** Only the lead unit (主办) replies; only co-units (协办) contribute. */
  'lead_only',
  'co_only',
  /** A handover is waiting for an answer: the case stays where it is until then (首接负责制). */
  'handover_pending',
  'no_handover_pending',
  /** A malformed command: empty text, handover to itself, a date that is not one. */
  'invalid_command',
] as const;
export type WorkbenchErrorCode = (typeof WORKBENCH_ERROR_CODES)[number];

export class WorkbenchError extends Error {
  override readonly name = 'WorkbenchError';

  constructor(
    readonly code: WorkbenchErrorCode,
    /** Chinese first, English after. */
    message: string,
    /** The command field at fault, in the wire's naming (`by.orgCode`, `reason`). */
    readonly field?: string,
  ) {
    super(message);
  }
}
