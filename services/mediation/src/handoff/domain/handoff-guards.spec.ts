import type { HandoffCommand } from './handoff.commands';
import type { HandoffState } from './handoff.types';
import { actorOf, agreementFor, Clock, MEDIATOR_ID, ORGS, PARTIES, requestFor, run, stateAt, STEP, rejection } from './handoff.fixtures';
import { transition } from './handoff-state-machine';
import { requestHandoff } from './request-handoff';

const target = (s: HandoffState) => actorOf(s.target.orgCode);
const at = (iso: string) => new Date(iso);

describe('consent (人民调解法 Art 17)', () => {
  it('ends mediation with failure end "refused" when the first party refuses', () => {
    const clock = new Clock();
    const s = stateAt('mediator_appointed', clock);
    const now = clock.tick();
    const { state, events } = transition(s, { type: 'record_consent', partyId: PARTIES[1].id, consents: false, by: target(s) }, now);
    expect(state.status).toBe('concluded_failed');
    expect(state.conclusion).toMatchObject({ outcome: 'failure', end: 'refused', at: now.toISOString() });
    expect(state.conclusion?.outcome === 'failure' && state.conclusion.reason).toContain('王建国');
    expect(events.map((e) => e.type)).toEqual(['handoff.consent_recorded', 'handoff.concluded']);
  });

  it('does not let a party answer twice, nor a stranger answer at all', () => {
    const clock = new Clock();
    const s = stateAt('awaiting_consent', clock);
    expect(rejection(() => transition(s, { type: 'record_consent', partyId: PARTIES[0].id, consents: false, by: target(s) }, clock.tick())).code).toBe('consent_already_recorded');
    expect(rejection(() => transition(s, { type: 'record_consent', partyId: 'p-nobody', consents: true, by: target(s) }, clock.tick())).code).toBe('unknown_party');
  });

  it('refuses to schedule a session while a party has not consented', () => {
    const clock = new Clock();
    const s = stateAt('awaiting_consent', clock);
    const now = clock.tick();
    const e = rejection(() => transition(s, STEP.schedule(s, now), now));
    expect(e).toMatchObject({ code: 'consent_required', from: 'awaiting_consent', command: 'schedule_session' });
  });
});

describe('mediator appointment and conflicts of interest (在线调解规则 Art 13)', () => {
  const appoint = (s: HandoffState, extra: Partial<Extract<HandoffCommand, { type: 'appoint_mediator' }>>): HandoffCommand => ({
    type: 'appoint_mediator',
    mediatorId: MEDIATOR_ID,
    chosenByParties: true,
    conflictOfInterestDeclared: true,
    by: target(s),
    ...extra,
  });

  it('refuses a mediator without a declaration', () => {
    const clock = new Clock();
    const s = stateAt('accepted', clock);
    const e = rejection(() => transition(s, appoint(s, { conflictOfInterestDeclared: false }), clock.tick()));
    expect(e).toMatchObject({ code: 'conflict_of_interest_undeclared', from: 'accepted', command: 'appoint_mediator', field: 'conflictOfInterestDeclared' });
  });

  it('refuses a mediator who declared a conflict, or who is a party', () => {
    const clock = new Clock();
    const s = stateAt('accepted', clock);
    expect(rejection(() => transition(s, appoint(s, { conflicts: '系被申请人王建国的表兄' }), clock.tick())).code).toBe('conflict_of_interest');
    expect(rejection(() => transition(s, appoint(s, { mediatorId: PARTIES[0].id }), clock.tick())).code).toBe('conflict_of_interest');
  });

  it('appoints a mediator whose declaration is clean, and records a replacement (回避)', () => {
    const clock = new Clock();
    const s = stateAt('accepted', clock);
    const first = transition(s, appoint(s, { conflicts: '  ' }), clock.tick());
    expect(first.state.mediator).toMatchObject({ mediatorId: MEDIATOR_ID, chosenByParties: true, conflictOfInterestDeclared: true });
    const second = transition(first.state, appoint(first.state, { mediatorId: 'mediator-zhou' }), clock.tick());
    expect(second.events[0]).toMatchObject({ type: 'handoff.mediator_appointed', mediatorId: 'mediator-zhou', replacedMediatorId: MEDIATOR_ID });
    expect(second.state.status).toBe('mediator_appointed');
  });
});

describe('who may act', () => {
  it('lets only the receiving organisation accept, decline or return', () => {
    const clock = new Clock();
    const s = stateAt('requested', clock);
    const e = rejection(() => transition(s, { type: 'accept', by: actorOf(ORGS.lawyerRoom.orgCode) }, clock.tick()));
    expect(e).toMatchObject({ code: 'actor_not_permitted', field: 'by.orgCode' });
    expect(rejection(() => transition(s, { type: 'decline', reason: '不受理', by: actorOf(ORGS.petitionOffice.orgCode) }, clock.tick())).code).toBe('actor_not_permitted');
  });

  it('refuses a command dated before the last transition', () => {
    const clock = new Clock();
    const s = stateAt('accepted', clock);
    const e = rejection(() => transition(s, STEP.appoint(s, at('2026-03-01T00:00:00Z')), at('2026-03-01T00:00:00Z')));
    expect(e).toMatchObject({ code: 'invalid_command', field: 'now' });
  });

  it('records the reason of a decline', () => {
    const clock = new Clock();
    const s = stateAt('requested', clock);
    const { state } = transition(s, { type: 'decline', reason: '  不属于本委员会调解范围 ', by: target(s) }, clock.tick());
    expect(state.declined?.reason).toBe('不属于本委员会调解范围');
    expect(rejection(() => transition(s, { type: 'decline', reason: ' ', by: target(s) }, clock.tick())).code).toBe('invalid_command');
  });
});

describe('the mediation period', () => {
  // Accepted on Monday 2026-03-02 at 10:00 China time; 30 days, the first day not counted → ends with 2026-04-01.
  const accepted = () => {
    const clock = new Clock();
    return { clock, s: stateAt('accepted', clock) };
  };
  const END = '2026-04-01T16:00:00.000Z';

  it('is set at acceptance in natural days', () => {
    const { s } = accepted();
    expect(s.mediationDueAt).toBe(END);
    expect(s.timeLimit.source).toContain('人民调解工作若干规定');
  });

  it('extends only with every party consenting, and only before it ends', () => {
    const { clock, s } = accepted();
    const ext = (ids: string[], now: Date) => transition(s, { type: 'extend_time_limit', days: 15, consentingPartyIds: ids, by: target(s) }, now);
    expect(rejection(() => ext([PARTIES[0].id], clock.tick())).code).toBe('consent_required');
    expect(rejection(() => ext([PARTIES[0].id, 'p-nobody'], clock.tick())).code).toBe('unknown_party');
    const ok = ext(PARTIES.map((p) => p.id), clock.tick());
    expect(ok.state.mediationDueAt).toBe('2026-04-16T16:00:00.000Z');
    expect(ok.state.extensions).toHaveLength(1);
    expect(rejection(() => ext(PARTIES.map((p) => p.id), at(END))).code).toBe('deadline_passed');
    expect(rejection(() => transition(s, { type: 'extend_time_limit', days: 0, consentingPartyIds: PARTIES.map((p) => p.id), by: target(s) }, clock.tick())).code).toBe('invalid_command');
  });

  it('allows "time limit passed" only once the period has ended', () => {
    const { s } = accepted();
    const fail = (now: Date) => transition(s, { type: 'conclude_failure', end: 'time_limit_passed', reason: '期限届满未达成协议', by: target(s) }, now);
    expect(rejection(() => fail(at('2026-04-01T15:59:59.999Z'))).code).toBe('time_limit_not_passed');
    expect(fail(at(END)).state.conclusion).toMatchObject({ outcome: 'failure', end: 'time_limit_passed' });
  });

  it('refuses a session scheduled after the period', () => {
    const clock = new Clock();
    const s = stateAt('consented', clock);
    const e = rejection(() => transition(s, { type: 'schedule_session', sessionId: 'late', at: at(END), mode: 'online', by: target(s) }, clock.tick()));
    expect(e.code).toBe('deadline_passed');
  });

  it('needs a place for an on-site session', () => {
    const clock = new Clock();
    const s = stateAt('consented', clock);
    const now = clock.tick();
    expect(rejection(() => transition(s, { type: 'schedule_session', sessionId: 's', at: now, mode: 'on_site', by: target(s) }, now)).field).toBe('location');
  });
});

describe('sessions and the agreement', () => {
  it('refuses an agreement before any session is on record', () => {
    const clock = new Clock();
    const s = stateAt('in_session', clock);
    const now = clock.tick();
    expect(rejection(() => transition(s, STEP.concludeAgreement(s, now), now)).code).toBe('session_record_required');
  });

  it('refuses to record a session before it starts, or twice', () => {
    const clock = new Clock();
    const s = stateAt('in_session', clock);
    const early = new Date(Date.parse(s.sessions[0].at) - 1);
    expect(rejection(() => transition(s, STEP.recordSession(s, early), early)).code).toBe('session_not_yet_held');
    const held = run(s, clock, [STEP.recordSession]);
    const now = clock.tick();
    expect(rejection(() => transition(held, { ...STEP.recordSession(s, now) }, now)).code).toBe('session_already_recorded');
  });

  it('refuses an agreement a party has not signed, with the missing signature named', () => {
    const clock = new Clock();
    const s = run(stateAt('in_session', clock), clock, [STEP.recordSession]);
    const now = clock.tick();
    const agreement = agreementFor(s, now);
    const unsigned = { ...agreement, signatures: agreement.signatures.slice(0, 1) };
    const e = rejection(() => transition(s, { type: 'conclude_agreement', agreement: unsigned, by: target(s) }, now));
    expect(e.code).toBe('invalid_agreement');
    expect(e.agreementErrors).toEqual([expect.objectContaining({ code: 'missing_signature', partyId: PARTIES[1].id })]);
  });

  it('refuses an agreement that names another mediator or is signed in the future', () => {
    const clock = new Clock();
    const s = run(stateAt('in_session', clock), clock, [STEP.recordSession]);
    const now = clock.tick();
    const other = { ...agreementFor(s, now), mediator: { id: 'mediator-zhou', name: '周调解' } };
    expect(rejection(() => transition(s, { type: 'conclude_agreement', agreement: other, by: target(s) }, now)).agreementErrors.map((x) => x.code)).toEqual(['mediator_mismatch']);
    const future = agreementFor(s, new Date(now.getTime() + 60_000));
    expect(rejection(() => transition(s, { type: 'conclude_agreement', agreement: future, by: target(s) }, now)).agreementErrors.map((x) => x.code)).toEqual(['signed_in_future', 'signed_in_future']);
  });
});

describe('judicial confirmation (人民调解法 Art 33; 法释〔2011〕5号)', () => {
  // The last signature is at 2026-03-02 16:00 China time, so the 30 days run to the end of 2026-04-01.
  const agreed = () => {
    const clock = new Clock();
    return { clock, s: stateAt('concluded_agreement', clock) };
  };
  const apply = (s: HandoffState, when: Date, now = when, court = ORGS.court.orgCode) =>
    transition(s, { type: 'request_judicial_confirmation', courtOrgCode: court, at: when, by: target(s) }, now);

  it('accepts an application on the last day and refuses one after 30 days', () => {
    const { s } = agreed();
    expect(apply(s, at('2026-04-01T23:59:59+08:00')).state.judicialConfirmation).toMatchObject({ courtOrgCode: ORGS.court.orgCode });
    const e = rejection(() => apply(s, at('2026-04-02T00:00:00+08:00')));
    expect(e).toMatchObject({ code: 'deadline_passed', from: 'concluded_agreement', command: 'request_judicial_confirmation', field: 'at' });
  });

  it('judges the window by the application date, even when recorded later', () => {
    const { s } = agreed();
    expect(apply(s, at('2026-03-20T10:00:00+08:00'), at('2026-04-20T10:00:00+08:00')).state.judicialConfirmation?.requestedAt).toBe('2026-03-20T02:00:00.000Z');
    expect(rejection(() => apply(s, at('2026-04-21T10:00:00+08:00'), at('2026-04-20T10:00:00+08:00'))).code).toBe('invalid_command');
  });

  it('goes to the delegating court when a court delegated the case before filing', () => {
    const clock = new Clock();
    const s = stateAt('concluded_agreement', clock, { kind: 'litigation_mediation', stage: 'pre_filing' });
    expect(rejection(() => apply(s, clock.tick(), clock.peek(), 'jianghai_court')).code).toBe('wrong_court');
    expect(apply(s, clock.tick()).events[0]).toMatchObject({ type: 'agreement.confirmation_requested', courtOrgCode: ORGS.court.orgCode });
  });

  it('is decided once, by the court applied to', () => {
    const { clock, s } = agreed();
    const requested = apply(s, clock.tick()).state;
    const decide = (orgCode: string, now: Date) => transition(requested, { type: 'record_judicial_confirmation', decision: 'rejected', at: now, by: actorOf(orgCode) }, now);
    expect(rejection(() => decide(ORGS.committee.orgCode, clock.tick())).code).toBe('actor_not_permitted');
    const decided = decide(ORGS.court.orgCode, clock.tick());
    expect(decided.events[0]).toMatchObject({ type: 'agreement.confirmation_rejected', courtOrgCode: ORGS.court.orgCode });
    expect(decided.state.judicialConfirmation?.decision).toBe('rejected');
    const again = () => transition(decided.state, { type: 'record_judicial_confirmation', decision: 'confirmed', at: clock.tick(), by: actorOf(ORGS.court.orgCode) }, clock.peek());
    expect(rejection(again).code).toBe('no_confirmation_pending');
    expect(rejection(() => apply(decided.state, clock.tick())).code).toBe('confirmation_already_requested');
  });
});

describe('performance', () => {
  it('closes once performed', () => {
    const clock = new Clock();
    const s = stateAt('concluded_agreement', clock);
    const perform = run(s, clock, [(x) => ({ type: 'record_performance', status: 'performed', note: '', by: target(x) })]);
    const now = clock.tick();
    expect(rejection(() => transition(perform, { type: 'record_performance', status: 'breached', note: '反悔', by: target(perform) }, now)).code).toBe('already_performed');
    expect(rejection(() => transition(s, { type: 'record_performance', status: 'breached', note: ' ', by: target(s) }, now)).code).toBe('invalid_command');
  });
});

describe('requesting a handoff', () => {
  const now = at('2026-03-02T09:00:00+08:00');
  const bad = (overrides: Parameters<typeof requestFor>[1], route: Parameters<typeof requestFor>[0] = { kind: 'petition_mediation' }) =>
    rejection(() => requestHandoff(requestFor(route, overrides), now));

  it('needs two sides', () => {
    expect(bad({ parties: [PARTIES[0]] })).toMatchObject({ code: 'invalid_command', field: 'parties', from: null, command: 'request' });
    expect(bad({ parties: [PARTIES[0], { ...PARTIES[1], role: 'applicant' }] }).field).toBe('parties');
    expect(bad({ parties: [PARTIES[0], { ...PARTIES[1], id: PARTIES[0].id }] }).field).toBe('parties[1].id');
  });

  it('checks who sends and who receives', () => {
    expect(bad({ source: ORGS.court }).field).toBe('source.kind');
    expect(bad({ by: actorOf(ORGS.court.orgCode) }).code).toBe('actor_not_permitted');
    expect(bad({}, { kind: 'litigation_mediation', stage: 'post_filing' } as never).field).toBe('route.procedure');
  });

  it('takes a jurisdiction time limit when given one', () => {
    const local = { amount: 15, unit: 'natural_days' as const, source: '某县人民调解工作规范：15日内调结', extension: { requires: 'parties_consent' as const } };
    expect(requestHandoff(requestFor({ kind: 'petition_mediation' }, { timeLimit: local }), now).state.timeLimit).toEqual(local);
    expect(bad({ timeLimit: { ...local, amount: 0 } }).field).toBe('timeLimit.amount');
  });
});
