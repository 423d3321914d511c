import { agreementEffectiveAt, agreementMismatches, validateAgreement } from './agreement';
import type { CommandOf } from './handoff.commands';
import type { TransitionResult } from './handoff.events';
import { FAILURE_ENDS, type HandoffState } from './handoff.types';
import { OTHER_ROADS, sourceFollowUp } from './handoff-outcome';
import { contextOf, fail, hasText, requireOneOf, requireTargetOrganisation, requireText } from './handoff-guards';
import { hasEnded, MEDIATION_TIME_LIMITS, naturalDaysEnd } from './time-limits';

/** Judicial confirmation applies to agreements reached out of court; after filing the court issues a 调解书. */
export function judicialConfirmationApplies(state: HandoffState): boolean {
  return !(state.route.kind === 'litigation_mediation' && state.route.stage === 'post_filing');
}

/**
 * An agreement concludes the mediation once it is complete, matches the handoff and every party has
 * signed (在线调解规则 Art 19/20), and the file holds at least one session record (人民调解法 Art 27).
 */
export function concludeAgreement(state: HandoffState, cmd: CommandOf<'conclude_agreement'>, now: Date): TransitionResult {
  const ctx = contextOf(state, 'conclude_agreement');
  if (!state.sessions.some((s) => s.held !== undefined)) {
    fail(ctx, 'session_record_required', '尚无调解笔录，不能结案', 'no session has been recorded yet', 'sessions');
  }
  if (typeof cmd.agreement !== 'object' || cmd.agreement === null) fail(ctx, 'invalid_agreement', '缺少调解协议', 'agreement is missing', 'agreement');
  const errors = validateAgreement(cmd.agreement);
  if (errors.length === 0) {
    errors.push(
      ...agreementMismatches(cmd.agreement, {
        partyIds: state.parties.map((p) => p.id),
        mediatorId: state.mediator?.mediatorId,
        orgCode: state.target.orgCode,
        now,
      }),
    );
  }
  const effectiveAt = agreementEffectiveAt(cmd.agreement);
  if (errors.length > 0 || effectiveAt === null) {
    fail(ctx, 'invalid_agreement', '调解协议不完整或未经各方当事人签章', `agreement rejected: ${errors.map((e) => e.code).join(', ')}`, 'agreement', errors);
  }
  const at = now.toISOString();
  const applies = judicialConfirmationApplies(state);
  const lastDay = naturalDaysEnd(effectiveAt, MEDIATION_TIME_LIMITS.judicialConfirmationApplication.amount);
  return {
    state: { ...state, status: 'concluded_agreement', agreement: structuredClone(cmd.agreement), conclusion: { outcome: 'agreement', at } },
    events: [
      {
        type: 'handoff.concluded',
        handoffId: state.id,
        at,
        kind: state.route.kind,
        outcome: 'agreement',
        agreementId: cmd.agreement.id,
        effectiveAt: effectiveAt.toISOString(),
        confirmationApplicationEndsAt: applies ? lastDay.toISOString() : null,
      },
    ],
  };
}

/** Ends without agreement (在线调解规则 Art 25); the parties are told their other roads (人民调解法 Art 26). */
export function concludeFailure(state: HandoffState, cmd: CommandOf<'conclude_failure'>, now: Date): TransitionResult {
  const ctx = contextOf(state, 'conclude_failure');
  const end = requireOneOf(ctx, cmd.end, FAILURE_ENDS, 'end');
  const reason = requireText(ctx, cmd.reason, 'reason', '调解终止的原因');
  if (end === 'time_limit_passed' && state.mediationDueAt !== undefined && !hasEnded(state.mediationDueAt, now)) {
    fail(ctx, 'time_limit_not_passed', '调解期限尚未届满', `the time limit runs until ${state.mediationDueAt}`, 'end');
  }
  if (end === 'refused_to_sign' && state.status !== 'in_session') {
    fail(ctx, 'invalid_command', '尚未进入调解，不存在拒签协议', 'no session has taken place, so nobody refused to sign', 'end');
  }
  const at = now.toISOString();
  return {
    state: { ...state, status: 'concluded_failed', conclusion: { outcome: 'failure', end, reason, at, otherRoads: OTHER_ROADS } },
    events: [{ type: 'handoff.concluded', handoffId: state.id, at, kind: state.route.kind, outcome: 'failure', end, reason, otherRoads: OTHER_ROADS }],
  };
}

/** The outcome goes back to the source, which closes, files, resumes or continues its case. */
export function returnToSource(state: HandoffState, cmd: CommandOf<'return_to_source'>, now: Date): TransitionResult {
  const ctx = contextOf(state, 'return_to_source');
  requireTargetOrganisation(ctx, state, cmd.by.orgCode);
  if (state.conclusion === undefined) fail(ctx, 'illegal_transition', '调解尚未结束', 'mediation has not concluded', 'status');
  const outcome = state.conclusion.outcome;
  const followUp = sourceFollowUp(state.route, outcome);
  const note = hasText(cmd.note) ? cmd.note.trim() : undefined;
  const at = now.toISOString();
  return {
    state: { ...state, status: 'returned', returned: { at, followUp, note } },
    events: [{ type: 'handoff.returned', handoffId: state.id, at, outcome, followUp, note: note ?? null }],
  };
}
