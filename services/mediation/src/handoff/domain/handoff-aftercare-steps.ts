import type { MediationAgreement } from './agreement';
import { agreementEffectiveAt } from './agreement';
import type { CommandOf } from './handoff.commands';
import type { TransitionResult } from './handoff.events';
import type { HandoffCommandType, HandoffState } from './handoff.types';
import { judicialConfirmationApplies } from './handoff-conclusion-steps';
import { contextOf, fail, requireDate, requireOneOf, requireText, type GuardContext } from './handoff-guards';
import { hasEnded, MEDIATION_TIME_LIMITS, naturalDaysEnd } from './time-limits';

/** Steps after an agreement only; a handoff returned after failure has nothing to confirm or perform. */
function requireAgreement(state: HandoffState, command: HandoffCommandType): { ctx: GuardContext; agreement: MediationAgreement } {
  const ctx = contextOf(state, command);
  if (state.conclusion?.outcome !== 'agreement' || state.agreement === undefined) {
    fail(ctx, 'illegal_transition', '本案未达成调解协议', 'there is no agreement in this handoff', 'status');
  }
  return { ctx, agreement: state.agreement };
}

function notInFuture(ctx: GuardContext, at: Date, now: Date, field: string): void {
  if (at.getTime() > now.getTime()) fail(ctx, 'invalid_command', '时间不能晚于当前时间', `${field} is in the future`, field);
}

/**
 * The parties apply within 30 days of the agreement taking effect (人民调解法 Art 33), to the court
 * that delegated the case when it was delegated before filing (法释〔2011〕5号 Art 2).
 */
export function requestJudicialConfirmation(state: HandoffState, cmd: CommandOf<'request_judicial_confirmation'>, now: Date): TransitionResult {
  const { ctx, agreement } = requireAgreement(state, 'request_judicial_confirmation');
  if (!judicialConfirmationApplies(state)) {
    fail(ctx, 'not_applicable', '立案后委托调解达成协议的，由人民法院出具调解书或准许撤诉，不适用司法确认', 'post-filing agreements end in a mediation document or withdrawal', 'route');
  }
  if (state.judicialConfirmation !== undefined) fail(ctx, 'confirmation_already_requested', '已申请司法确认', 'judicial confirmation was already requested', 'judicialConfirmation');
  const courtOrgCode = requireText(ctx, cmd.courtOrgCode, 'courtOrgCode', '受理法院');
  if (state.route.kind === 'litigation_mediation' && courtOrgCode !== state.source.orgCode) {
    fail(ctx, 'wrong_court', '立案前委派调解的，应向委派的人民法院申请司法确认', `apply to the delegating court ${state.source.orgCode}`, 'courtOrgCode');
  }
  const at = requireDate(ctx, cmd.at, 'at');
  notInFuture(ctx, at, now, 'at');
  const effectiveAt = agreementEffectiveAt(agreement);
  if (effectiveAt === null || at.getTime() < effectiveAt.getTime()) fail(ctx, 'invalid_command', '申请时间早于协议生效时间', 'applied before the agreement took effect', 'at');
  const end = naturalDaysEnd(effectiveAt, MEDIATION_TIME_LIMITS.judicialConfirmationApplication.amount);
  if (hasEnded(end, at)) {
    fail(ctx, 'deadline_passed', '已超过调解协议生效之日起三十日的司法确认申请期限', 'judicial confirmation must be requested within 30 days of the agreement taking effect', 'at');
  }
  const requestedAt = at.toISOString();
  return {
    state: { ...state, judicialConfirmation: { courtOrgCode, requestedAt } },
    events: [{ type: 'agreement.confirmation_requested', handoffId: state.id, at: now.toISOString(), agreementId: agreement.id, courtOrgCode, requestedAt }],
  };
}

/** Only the court applied to records its decision. */
export function recordJudicialConfirmation(state: HandoffState, cmd: CommandOf<'record_judicial_confirmation'>, now: Date): TransitionResult {
  const { ctx, agreement } = requireAgreement(state, 'record_judicial_confirmation');
  const pending = state.judicialConfirmation;
  if (pending === undefined || pending.decision !== undefined) fail(ctx, 'no_confirmation_pending', '没有待决的司法确认申请', 'no judicial confirmation is pending', 'judicialConfirmation');
  if (cmd.by.orgCode !== pending.courtOrgCode) fail(ctx, 'actor_not_permitted', '只有受理申请的人民法院可以作出决定', `only ${pending.courtOrgCode} may decide`, 'by.orgCode');
  const decision = requireOneOf(ctx, cmd.decision, ['confirmed', 'rejected'] as const, 'decision');
  const decided = requireDate(ctx, cmd.at, 'at');
  notInFuture(ctx, decided, now, 'at');
  if (decided.getTime() < Date.parse(pending.requestedAt)) fail(ctx, 'invalid_command', '决定时间早于申请时间', 'decided before the application', 'at');
  const decidedAt = decided.toISOString();
  return {
    state: { ...state, judicialConfirmation: { ...pending, decision, decidedAt } },
    events: [
      {
        type: decision === 'confirmed' ? 'agreement.confirmed' : 'agreement.confirmation_rejected',
        handoffId: state.id,
        at: now.toISOString(),
        agreementId: agreement.id,
        courtOrgCode: pending.courtOrgCode,
        decidedAt,
      },
    ],
  };
}

/** Follow-up on performance (回访); once performed, the record is closed. */
export function recordPerformance(state: HandoffState, cmd: CommandOf<'record_performance'>, now: Date): TransitionResult {
  const { ctx, agreement } = requireAgreement(state, 'record_performance');
  const status = requireOneOf(ctx, cmd.status, ['performing', 'performed', 'breached'] as const, 'status');
  if (typeof cmd.note !== 'string') fail(ctx, 'invalid_command', '须填写履行情况说明', 'note must be text', 'note');
  if (status === 'breached' && cmd.note.trim() === '') fail(ctx, 'invalid_command', '未履行的须说明情况', 'a breach needs a note', 'note');
  if (state.performance.at(-1)?.status === 'performed') fail(ctx, 'already_performed', '协议已履行完毕', 'the agreement has already been performed', 'status');
  const at = now.toISOString();
  const note = cmd.note.trim();
  return {
    state: { ...state, performance: [...state.performance, { status, note, at }] },
    events: [{ type: 'agreement.performance_recorded', handoffId: state.id, at, agreementId: agreement.id, status, note }],
  };
}
