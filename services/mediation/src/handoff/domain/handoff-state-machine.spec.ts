import { HandoffTransitionError } from './handoff.errors';
import type { HandoffCommand } from './handoff.commands';
import { HANDOFF_COMMAND_TYPES, HANDOFF_STATUSES, type HandoffCommandType, type HandoffState, type HandoffStatus } from './handoff.types';
import { actorOf, agreementFor, Clock, deepFreeze, OTHER_MEDIATOR_ID, stateAt } from './handoff.fixtures';
import { commandsAllowedIn, transition } from './handoff-state-machine';

type Make = (s: HandoffState, now: Date) => HandoffCommand;
const byTarget = (s: HandoffState) => actorOf(s.target.orgCode);
const COURT = 'jianghai_court';

/** A well-formed command of every type, built from the state it is sent to. */
const SAMPLE: Readonly<Record<HandoffCommandType, Make>> = {
  accept: (s) => ({ type: 'accept', by: byTarget(s) }),
  decline: (s) => ({ type: 'decline', reason: '超出受理范围', by: byTarget(s) }),
  record_parties: (s) => ({ type: 'record_parties', parties: [{ id: 'p-zhao', name: '赵秀英', role: 'applicant' }, { id: 'p-sun', name: '孙志强', role: 'respondent' }], by: byTarget(s) }),
  appoint_mediator: (s) => ({ type: 'appoint_mediator', mediatorId: OTHER_MEDIATOR_ID, chosenByParties: true, conflictOfInterestDeclared: true, by: byTarget(s) }),
  record_consent: (s) => ({
    type: 'record_consent',
    partyId: (s.parties.find((p) => !s.consents.some((c) => c.partyId === p.id)) ?? s.parties[0]).id,
    consents: true,
    by: byTarget(s),
  }),
  schedule_session: (s, now) => ({ type: 'schedule_session', sessionId: `extra-${s.sessions.length}`, at: new Date(now.getTime() + 1800_000), mode: 'online', by: byTarget(s) }),
  record_session: (s) => ({
    type: 'record_session',
    sessionId: s.sessions.find((x) => x.held === undefined)?.sessionId ?? 'session-1',
    participants: s.parties.map((p) => p.id),
    record: '调解笔录',
    by: byTarget(s),
  }),
  conclude_agreement: (s, now) => ({ type: 'conclude_agreement', agreement: agreementFor(s, now), by: byTarget(s) }),
  conclude_failure: (s) => ({ type: 'conclude_failure', end: 'withdrawn', reason: '申请人撤回申请', by: byTarget(s) }),
  extend_time_limit: (s) => ({ type: 'extend_time_limit', days: 10, consentingPartyIds: s.parties.map((p) => p.id), by: byTarget(s) }),
  request_judicial_confirmation: (s, now) => ({ type: 'request_judicial_confirmation', courtOrgCode: COURT, at: now, by: byTarget(s) }),
  record_judicial_confirmation: (_s, now) => ({ type: 'record_judicial_confirmation', decision: 'confirmed', at: now, by: actorOf(COURT) }),
  record_performance: (s) => ({ type: 'record_performance', status: 'performing', note: '已疏通排水沟，赔偿款尚未支付', by: byTarget(s) }),
  return_to_source: (s) => ({ type: 'return_to_source', by: byTarget(s) }),
};

interface Legal {
  next: HandoffStatus;
  /** Commands that must come first, in the same status (e.g. a session record before an agreement). */
  prepare?: readonly HandoffCommandType[];
}

/** The expected rules, written out independently of the code: (status, command) → next status. */
const LEGAL: Readonly<Record<HandoffStatus, Partial<Record<HandoffCommandType, Legal>>>> = {
  requested: { accept: { next: 'accepted' }, decline: { next: 'declined' } },
  accepted: {
    record_parties: { next: 'accepted' },
    appoint_mediator: { next: 'mediator_appointed' },
    conclude_failure: { next: 'concluded_failed' },
    extend_time_limit: { next: 'accepted' },
  },
  declined: {},
  mediator_appointed: {
    record_parties: { next: 'mediator_appointed' },
    appoint_mediator: { next: 'mediator_appointed' },
    record_consent: { next: 'awaiting_consent' },
    conclude_failure: { next: 'concluded_failed' },
    extend_time_limit: { next: 'mediator_appointed' },
  },
  awaiting_consent: {
    appoint_mediator: { next: 'awaiting_consent' },
    record_consent: { next: 'consented' },
    conclude_failure: { next: 'concluded_failed' },
    extend_time_limit: { next: 'awaiting_consent' },
  },
  consented: {
    appoint_mediator: { next: 'consented' },
    schedule_session: { next: 'in_session' },
    conclude_failure: { next: 'concluded_failed' },
    extend_time_limit: { next: 'consented' },
  },
  in_session: {
    appoint_mediator: { next: 'in_session' },
    schedule_session: { next: 'in_session' },
    record_session: { next: 'in_session' },
    conclude_agreement: { next: 'concluded_agreement', prepare: ['record_session'] },
    conclude_failure: { next: 'concluded_failed' },
    extend_time_limit: { next: 'in_session' },
  },
  concluded_agreement: {
    request_judicial_confirmation: { next: 'concluded_agreement' },
    record_judicial_confirmation: { next: 'concluded_agreement', prepare: ['request_judicial_confirmation'] },
    record_performance: { next: 'concluded_agreement' },
    return_to_source: { next: 'returned' },
  },
  concluded_failed: { return_to_source: { next: 'returned' } },
  returned: {
    request_judicial_confirmation: { next: 'returned' },
    record_judicial_confirmation: { next: 'returned', prepare: ['request_judicial_confirmation'] },
    record_performance: { next: 'returned' },
  },
};

/** Mediation itself may not start before every party has consented (人民调解法 Art 17). */
const CONSENT_REQUIRED = new Set(['mediator_appointed:schedule_session', 'mediator_appointed:record_session', 'mediator_appointed:conclude_agreement', 'awaiting_consent:schedule_session', 'awaiting_consent:record_session', 'awaiting_consent:conclude_agreement']);

/** Once a party answered on consent, the parties are fixed. */
const PARTIES_FIXED = new Set(['awaiting_consent:record_parties', 'consented:record_parties', 'in_session:record_parties']);

function send(state: HandoffState, type: HandoffCommandType, clock: Clock) {
  const now = clock.tick();
  return transition(state, SAMPLE[type](state, now), now);
}

describe('handoff state machine: every (status, command) pair', () => {
  it('has expected rules and a path for every status', () => {
    for (const status of HANDOFF_STATUSES) {
      expect(LEGAL[status]).toBeDefined();
      expect(stateAt(status).status).toBe(status);
    }
  });

  const pairs = HANDOFF_STATUSES.flatMap((status) => HANDOFF_COMMAND_TYPES.map((command) => [status, command] as const));

  it.each(pairs)('%s + %s', (status, command) => {
    const clock = new Clock();
    let state = stateAt(status, clock);
    const legal = LEGAL[status][command];
    if (legal === undefined) {
      const frozen = deepFreeze(state);
      const pair = `${status}:${command}`;
      const expectedCode = CONSENT_REQUIRED.has(pair) ? 'consent_required' : PARTIES_FIXED.has(pair) ? 'parties_fixed' : 'illegal_transition';
      let thrown: unknown;
      try {
        send(frozen, command, clock);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(HandoffTransitionError);
      expect(thrown).toMatchObject({ code: expectedCode, from: status, command });
      return;
    }
    for (const p of legal.prepare ?? []) state = send(state, p, clock).state;
    const before = JSON.stringify(deepFreeze(state));
    const { state: next, events } = send(state, command, clock);
    expect(next.status).toBe(legal.next);
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.handoffId === state.id && e.at === clock.peek().toISOString())).toBe(true);
    expect(next.timeline).toHaveLength(state.timeline.length + 1);
    expect(next.timeline.at(-1)).toEqual({ at: clock.peek().toISOString(), command, from: status, to: legal.next, actor: SAMPLE[command](state, clock.peek()).by });
    expect(JSON.stringify(state)).toBe(before);
  });

  it('reports the same admitted commands as the expected rules', () => {
    for (const status of HANDOFF_STATUSES) {
      expect([...commandsAllowedIn(status)].sort()).toEqual(Object.keys(LEGAL[status]).sort());
    }
  });
});
