import type { HandoffCommand } from './handoff.commands';
import type { TransitionResult } from './handoff.events';
import type { HandoffErrorCode } from './handoff.errors';
import { HANDOFF_COMMAND_TYPES, HANDOFF_STATUSES, type HandoffCommandType, type HandoffState, type HandoffStatus } from './handoff.types';
import { recordJudicialConfirmation, recordPerformance, requestJudicialConfirmation } from './handoff-aftercare-steps';
import { concludeAgreement, concludeFailure, returnToSource } from './handoff-conclusion-steps';
import { fail, hasText, requireDate, requireOneOf, type GuardContext } from './handoff-guards';
import { accept, appointMediator, decline, extendTimeLimit, PARTIES_FIXED, recordConsent, recordParties, recordSession, scheduleSession } from './handoff-mediation-steps';

/** Steps while mediation is open: replace the mediator, end without agreement, extend the period. */
const OPEN: readonly HandoffCommandType[] = ['appoint_mediator', 'conclude_failure', 'extend_time_limit'];
/** Steps after an agreement (judicial confirmation, performance) go on after the outcome is returned. */
const AFTER_AGREEMENT: readonly HandoffCommandType[] = ['request_judicial_confirmation', 'record_judicial_confirmation', 'record_performance'];

/** Which commands each status admits. Guards inside each step may still refuse a particular command. */
export const COMMANDS_BY_STATUS: Readonly<Record<HandoffStatus, readonly HandoffCommandType[]>> = {
  requested: ['accept', 'decline'],
  // The parties may be corrected (核实当事人) until one of them answers on consent.
  accepted: ['record_parties', 'appoint_mediator', 'conclude_failure', 'extend_time_limit'],
  declined: [],
  mediator_appointed: ['record_parties', ...OPEN, 'record_consent'],
  awaiting_consent: [...OPEN, 'record_consent'],
  consented: [...OPEN, 'schedule_session'],
  in_session: [...OPEN, 'schedule_session', 'record_session', 'conclude_agreement'],
  concluded_agreement: [...AFTER_AGREEMENT, 'return_to_source'],
  concluded_failed: ['return_to_source'],
  returned: AFTER_AGREEMENT,
};

const MEDIATION_STEPS: readonly HandoffCommandType[] = ['schedule_session', 'record_session', 'conclude_agreement'];
/** Open statuses in which some party has answered on consent. */
const CONSENT_GIVEN: readonly HandoffStatus[] = ['awaiting_consent', 'consented', 'in_session'];

/** Why a command is refused in a status where it is not admitted at all. */
export function rejectionCode(status: HandoffStatus, command: HandoffCommandType): HandoffErrorCode {
  if (command === 'record_parties' && CONSENT_GIVEN.includes(status)) return 'parties_fixed';
  const waitingForConsent = status === 'mediator_appointed' || status === 'awaiting_consent';
  return waitingForConsent && MEDIATION_STEPS.includes(command) ? 'consent_required' : 'illegal_transition';
}

const REJECTION_MESSAGES: Partial<Record<HandoffErrorCode, { zh: string; en?: string }>> = {
  consent_required: { zh: '尚未取得各方当事人同意调解' },
  parties_fixed: PARTIES_FIXED,
};

export function commandsAllowedIn(status: HandoffStatus): readonly HandoffCommandType[] {
  return COMMANDS_BY_STATUS[status];
}

/**
 * Applies one command. Pure: the input state is never changed; the result carries the next state
 * (with one more timeline entry) and the facts to publish. Throws HandoffTransitionError otherwise.
 * Working-day deadlines (acceptance, appointment) are only recorded here; the caller checks them
 * against its calendar. Natural-day periods (mediation, judicial confirmation) are checked here.
 */
export function transition(state: HandoffState, command: HandoffCommand, now: Date): TransitionResult {
  const ctx: GuardContext = { from: state.status, command: command?.type };
  requireOneOf(ctx, state?.status, HANDOFF_STATUSES, 'state.status');
  const type = requireOneOf(ctx, command?.type, HANDOFF_COMMAND_TYPES, 'type');
  requireDate(ctx, now, 'now');
  if (!hasText(command.by?.userId) || !hasText(command.by.orgCode)) fail(ctx, 'invalid_command', '须注明经办人及所在单位', 'by.userId and by.orgCode are required', 'by');
  const last = state.timeline.at(-1);
  if (last !== undefined && now.getTime() < Date.parse(last.at)) fail(ctx, 'invalid_command', '操作时间早于上一步', 'now is earlier than the last transition', 'now');
  if (!COMMANDS_BY_STATUS[state.status].includes(type)) {
    const code = rejectionCode(state.status, type);
    const message = REJECTION_MESSAGES[code];
    fail(ctx, code, message?.zh ?? '当前状态不允许此操作', message?.en ?? `${type} is not allowed in status ${state.status}`);
  }
  const result = apply(state, command, now);
  const entry = { at: now.toISOString(), command: type, from: state.status, to: result.state.status, actor: { userId: command.by.userId, orgCode: command.by.orgCode } };
  return { state: { ...result.state, timeline: [...state.timeline, entry] }, events: result.events };
}

function apply(state: HandoffState, command: HandoffCommand, now: Date): TransitionResult {
  switch (command.type) {
    case 'accept':
      return accept(state, command, now);
    case 'decline':
      return decline(state, command, now);
    case 'record_parties':
      return recordParties(state, command, now);
    case 'appoint_mediator':
      return appointMediator(state, command, now);
    case 'record_consent':
      return recordConsent(state, command, now);
    case 'schedule_session':
      return scheduleSession(state, command, now);
    case 'record_session':
      return recordSession(state, command, now);
    case 'conclude_agreement':
      return concludeAgreement(state, command, now);
    case 'conclude_failure':
      return concludeFailure(state, command, now);
    case 'extend_time_limit':
      return extendTimeLimit(state, command, now);
    case 'request_judicial_confirmation':
      return requestJudicialConfirmation(state, command, now);
    case 'record_judicial_confirmation':
      return recordJudicialConfirmation(state, command, now);
    case 'record_performance':
      return recordPerformance(state, command, now);
    case 'return_to_source':
      return returnToSource(state, command, now);
  }
}
