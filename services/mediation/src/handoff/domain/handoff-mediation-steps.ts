import type { CommandOf } from './handoff.commands';
import type { TransitionResult } from './handoff.events';
import type { HandoffState } from './handoff.types';
import { OTHER_ROADS } from './handoff-outcome';
import {
  contextOf,
  fail,
  hasText,
  requireDate,
  requireOneOf,
  requireParties,
  requirePartyOf,
  requireTargetOrganisation,
  requireText,
} from './handoff-guards';
import { hasEnded, naturalDaysEnd } from './time-limits';

const DAY_MS = 24 * 3600 * 1000;

/** The receiving organisation takes the case; the mediation period starts (natural days are counted here). */
export function accept(state: HandoffState, cmd: CommandOf<'accept'>, now: Date): TransitionResult {
  requireTargetOrganisation(contextOf(state, 'accept'), state, cmd.by.orgCode);
  const at = now.toISOString();
  const due = state.timeLimit.unit === 'natural_days' ? naturalDaysEnd(now, state.timeLimit.amount).toISOString() : undefined;
  return {
    state: { ...state, status: 'accepted', acceptedAt: at, mediationDueAt: due },
    events: [{ type: 'handoff.accepted', handoffId: state.id, at, timeLimit: state.timeLimit, mediationDueAt: due ?? null }],
  };
}

export function decline(state: HandoffState, cmd: CommandOf<'decline'>, now: Date): TransitionResult {
  const ctx = contextOf(state, 'decline');
  requireTargetOrganisation(ctx, state, cmd.by.orgCode);
  const reason = requireText(ctx, cmd.reason, 'reason', '不予接收的理由');
  const at = now.toISOString();
  return {
    state: { ...state, status: 'declined', declined: { reason, at } },
    events: [{ type: 'handoff.declined', handoffId: state.id, at, reason }],
  };
}

/**
 * 核实当事人: the receiving organisation replaces the parties, e.g. the placeholders a 访调 from
 * routing's redirect names by role. Checked as a request's parties. Once any party has answered on
 * consent the parties are fixed (人民调解法 Art 17: it is their consent the mediation rests on). An
 * appointed mediator is checked again as at the appointment: a party never mediates its own dispute.
 */
export function recordParties(state: HandoffState, cmd: CommandOf<'record_parties'>, now: Date): TransitionResult {
  const ctx = contextOf(state, 'record_parties');
  requireTargetOrganisation(ctx, state, cmd.by.orgCode);
  if (state.consents.length > 0) fail(ctx, 'parties_fixed', PARTIES_FIXED.zh, PARTIES_FIXED.en, 'parties');
  const parties = requireParties(ctx, cmd.parties);
  const mediatorId = state.mediator?.mediatorId;
  if (mediatorId !== undefined && parties.some((p) => p.id === mediatorId)) {
    fail(ctx, 'conflict_of_interest', '当事人不能担任本案调解员，须先另行指定调解员', 'a party cannot mediate its own dispute; appoint another mediator first', 'parties');
  }
  const at = now.toISOString();
  return {
    state: { ...state, parties },
    events: [{ type: 'handoff.parties_recorded', handoffId: state.id, at, parties, previous: state.parties.map((p) => ({ ...p })) }],
  };
}

/** Why the parties can no longer change. */
export const PARTIES_FIXED = {
  zh: '当事人已就是否同意调解作出表示，当事人不能再变更',
  en: 'the parties are fixed once a party’s consent is recorded',
};

/**
 * Appoints (or replaces, 回避) the mediator. The mediator must have declared on conflicts of interest
 * and declared none (在线调解规则 Art 13); a party can never mediate its own dispute.
 */
export function appointMediator(state: HandoffState, cmd: CommandOf<'appoint_mediator'>, now: Date): TransitionResult {
  const ctx = contextOf(state, 'appoint_mediator');
  const mediatorId = requireText(ctx, cmd.mediatorId, 'mediatorId', '调解员');
  if (typeof cmd.chosenByParties !== 'boolean') fail(ctx, 'invalid_command', '须注明是否由当事人选定', 'chosenByParties must be a boolean', 'chosenByParties');
  if (cmd.conflictOfInterestDeclared !== true) {
    fail(ctx, 'conflict_of_interest_undeclared', '调解员尚未作出利益冲突声明', 'the mediator has not declared on conflicts of interest', 'conflictOfInterestDeclared');
  }
  if (hasText(cmd.conflicts)) fail(ctx, 'conflict_of_interest', `调解员申报了利益冲突：${cmd.conflicts.trim()}`, 'the mediator declared a conflict of interest', 'conflicts');
  if (state.parties.some((p) => p.id === mediatorId)) fail(ctx, 'conflict_of_interest', '当事人不能担任本案调解员', 'a party cannot mediate its own dispute', 'mediatorId');
  const previous = state.mediator?.mediatorId ?? null;
  if (previous === mediatorId) fail(ctx, 'invalid_command', '该调解员已被指定', 'this mediator is already appointed', 'mediatorId');
  const at = now.toISOString();
  return {
    state: {
      ...state,
      status: state.status === 'accepted' ? 'mediator_appointed' : state.status,
      mediator: { mediatorId, chosenByParties: cmd.chosenByParties, conflictOfInterestDeclared: true, appointedAt: at },
    },
    events: [{ type: 'handoff.mediator_appointed', handoffId: state.id, at, mediatorId, chosenByParties: cmd.chosenByParties, replacedMediatorId: previous }],
  };
}

/** Mediation needs every party's consent; one refusal ends it (人民调解法 Art 17). */
export function recordConsent(state: HandoffState, cmd: CommandOf<'record_consent'>, now: Date): TransitionResult {
  const ctx = contextOf(state, 'record_consent');
  const partyId = requirePartyOf(ctx, state, cmd.partyId, 'partyId');
  if (typeof cmd.consents !== 'boolean') fail(ctx, 'invalid_command', '须注明是否同意调解', 'consents must be a boolean', 'consents');
  if (state.consents.some((c) => c.partyId === partyId)) fail(ctx, 'consent_already_recorded', '该当事人的意愿已记录', `consent of ${partyId} is already recorded`, 'partyId');
  const at = now.toISOString();
  const consents = [...state.consents, { partyId, consents: cmd.consents, at }];
  const allConsented = state.parties.every((p) => consents.some((c) => c.partyId === p.id && c.consents));
  const recorded = { type: 'handoff.consent_recorded' as const, handoffId: state.id, at, partyId, consents: cmd.consents, allConsented };
  if (cmd.consents) {
    return { state: { ...state, status: allConsented ? 'consented' : 'awaiting_consent', consents }, events: [recorded] };
  }
  const name = state.parties.find((p) => p.id === partyId)?.name ?? partyId;
  const reason = `当事人${name}不同意调解，依法不得调解（人民调解法第十七条） (a party refused mediation)`;
  return {
    state: { ...state, status: 'concluded_failed', consents, conclusion: { outcome: 'failure', end: 'refused', reason, at, otherRoads: OTHER_ROADS } },
    events: [recorded, { type: 'handoff.concluded', handoffId: state.id, at, kind: state.route.kind, outcome: 'failure', end: 'refused', reason, otherRoads: OTHER_ROADS }],
  };
}

/** On site or by audio/video (在线调解规则 Art 16); a session past the period needs an extension first. */
export function scheduleSession(state: HandoffState, cmd: CommandOf<'schedule_session'>, now: Date): TransitionResult {
  const ctx = contextOf(state, 'schedule_session');
  const sessionId = requireText(ctx, cmd.sessionId, 'sessionId', '调解场次');
  if (state.sessions.some((s) => s.sessionId === sessionId)) fail(ctx, 'duplicate_session', '调解场次已存在', `session ${sessionId} already exists`, 'sessionId');
  const sessionAt = requireDate(ctx, cmd.at, 'at');
  const mode = requireOneOf(ctx, cmd.mode, ['on_site', 'online'] as const, 'mode');
  const location = mode === 'on_site' ? requireText(ctx, cmd.location, 'location', '现场调解地点') : hasText(cmd.location) ? cmd.location.trim() : undefined;
  if (state.mediationDueAt !== undefined && hasEnded(state.mediationDueAt, sessionAt)) {
    fail(ctx, 'deadline_passed', '调解场次晚于调解期限，须先经各方当事人同意延长', 'the session is after the time limit; extend it first', 'at');
  }
  const at = now.toISOString();
  return {
    state: { ...state, status: 'in_session', sessions: [...state.sessions, { sessionId, at: sessionAt.toISOString(), mode, location }] },
    events: [{ type: 'handoff.session_scheduled', handoffId: state.id, at, sessionId, sessionAt: sessionAt.toISOString(), mode, location: location ?? null }],
  };
}

/** The work record of a held session, kept in the file (人民调解法 Art 27). */
export function recordSession(state: HandoffState, cmd: CommandOf<'record_session'>, now: Date): TransitionResult {
  const ctx = contextOf(state, 'record_session');
  const session = state.sessions.find((s) => s.sessionId === cmd.sessionId);
  if (session === undefined) fail(ctx, 'unknown_session', '调解场次不存在', `no session ${String(cmd.sessionId)}`, 'sessionId');
  if (session.held !== undefined) fail(ctx, 'session_already_recorded', '该场次已记录', `session ${session.sessionId} is already recorded`, 'sessionId');
  if (now.getTime() < Date.parse(session.at)) fail(ctx, 'session_not_yet_held', '调解场次尚未开始', 'the session has not started yet', 'sessionId');
  const participants = checkParticipants(state, cmd.participants);
  const record = requireText(ctx, cmd.record, 'record', '调解笔录');
  const at = now.toISOString();
  const sessions = state.sessions.map((s) => (s.sessionId === session.sessionId ? { ...s, held: { participants, record, recordedAt: at } } : s));
  return {
    state: { ...state, sessions },
    events: [{ type: 'handoff.session_recorded', handoffId: state.id, at, sessionId: session.sessionId, participants }],
  };

  function checkParticipants(s: HandoffState, ids: readonly string[]): string[] {
    if (!Array.isArray(ids) || ids.length === 0) fail(ctx, 'invalid_command', '须列明参加人员', 'participants must not be empty', 'participants');
    const known = new Set([...s.parties.map((p) => p.id), ...(s.mediator ? [s.mediator.mediatorId] : [])]);
    for (const id of ids) if (!known.has(id)) fail(ctx, 'unknown_party', '参加人员不是本案当事人或调解员', `${String(id)} is neither a party nor the mediator`, 'participants');
    return [...new Set(ids)];
  }
}

/** Extension needs every party's consent (在线调解规则 Art 24) and must come before the period ends. */
export function extendTimeLimit(state: HandoffState, cmd: CommandOf<'extend_time_limit'>, now: Date): TransitionResult {
  const ctx = contextOf(state, 'extend_time_limit');
  const rule = state.timeLimit.extension;
  if (rule === undefined) fail(ctx, 'not_applicable', '该调解期限不可延长', 'this time limit cannot be extended', 'days');
  if (!Number.isInteger(cmd.days) || cmd.days <= 0) fail(ctx, 'invalid_command', '延长天数须为正整数', 'days must be a positive integer', 'days');
  const already = state.extensions.reduce((n, e) => n + e.days, 0);
  if (rule.maxAmount !== undefined && already + cmd.days > rule.maxAmount) {
    fail(ctx, 'invalid_command', `延长总计不得超过${rule.maxAmount}日`, `extensions may total at most ${rule.maxAmount} days`, 'days');
  }
  if (!Array.isArray(cmd.consentingPartyIds)) fail(ctx, 'consent_required', '延长调解期限须经各方当事人同意', 'every party must consent', 'consentingPartyIds');
  cmd.consentingPartyIds.forEach((id, i) => requirePartyOf(ctx, state, id, `consentingPartyIds[${i}]`));
  if (!state.parties.every((p) => cmd.consentingPartyIds.includes(p.id))) {
    fail(ctx, 'consent_required', '延长调解期限须经各方当事人同意', 'every party must consent to an extension', 'consentingPartyIds');
  }
  if (state.mediationDueAt !== undefined && hasEnded(state.mediationDueAt, now)) {
    fail(ctx, 'deadline_passed', '调解期限已届满，不能再延长', 'the time limit has already passed', 'days');
  }
  const due = state.mediationDueAt === undefined ? undefined : new Date(Date.parse(state.mediationDueAt) + cmd.days * DAY_MS).toISOString();
  const at = now.toISOString();
  const extension = { days: cmd.days, at, consentingPartyIds: [...cmd.consentingPartyIds] };
  return {
    state: { ...state, mediationDueAt: due, extensions: [...state.extensions, extension] },
    events: [{ type: 'handoff.time_limit_extended', handoffId: state.id, at, days: cmd.days, mediationDueAt: due ?? null }],
  };
}
