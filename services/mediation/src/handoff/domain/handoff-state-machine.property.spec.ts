import fc from 'fast-check';
import { validateAgreement } from './agreement';
import type { HandoffCommand } from './handoff.commands';
import { HandoffTransitionError } from './handoff.errors';
import { FAILURE_ENDS, HANDOFF_COMMAND_TYPES, HANDOFF_STATUSES, type HandoffCommandType, type HandoffState } from './handoff.types';
import { actorOf, agreementFor, Clock, deepFreeze, MEDIATOR_ID, ORGS, stateAt } from './handoff.fixtures';
import { commandsAllowedIn, transition } from './handoff-state-machine';

/** A command of the given type, with payload details picked by `v` — sometimes valid, sometimes not. */
function makeCommand(type: HandoffCommandType, s: HandoffState, now: Date, v: number): HandoffCommand {
  const by = actorOf(v % 7 === 6 ? ORGS.lawyerRoom.orgCode : s.target.orgCode);
  const party = s.parties[v % s.parties.length].id;
  switch (type) {
    case 'accept':
      return { type, by };
    case 'decline':
      return { type, reason: v % 5 === 0 ? '' : '不属于受理范围', by };
    case 'record_parties':
      return {
        type,
        parties: v % 5 === 0 ? [s.parties[0]] : [{ id: v % 3 === 0 ? MEDIATOR_ID : 'p-zhao', name: '赵秀英', role: 'applicant' }, { id: 'p-sun', name: '孙志强', role: 'respondent' }],
        by,
      };
    case 'appoint_mediator':
      return { type, mediatorId: v % 3 === 0 ? 'mediator-zhou' : MEDIATOR_ID, chosenByParties: v % 2 === 0, conflictOfInterestDeclared: v % 4 !== 1, conflicts: v % 9 === 2 ? '亲属关系' : undefined, by };
    case 'record_consent':
      return { type, partyId: party, consents: v % 6 !== 5, by };
    case 'schedule_session':
      return { type, sessionId: `s${v % 4}`, at: new Date(now.getTime() + (v % 3) * 3600_000), mode: v % 2 === 0 ? 'online' : 'on_site', location: v % 4 === 1 ? undefined : '调解室', by };
    case 'record_session':
      return { type, sessionId: v % 4 === 3 ? 'missing' : (s.sessions[v % Math.max(1, s.sessions.length)]?.sessionId ?? 'missing'), participants: v % 5 === 0 ? [] : [party], record: '笔录', by };
    case 'conclude_agreement':
      return { type, agreement: agreementFor(s, new Date(now.getTime() - (v % 3) * 60_000)), by };
    case 'conclude_failure':
      return { type, end: FAILURE_ENDS[v % FAILURE_ENDS.length], reason: '调解不成', by };
    case 'extend_time_limit':
      return { type, days: (v % 4) * 5, consentingPartyIds: v % 3 === 0 ? [party] : s.parties.map((p) => p.id), by };
    case 'request_judicial_confirmation':
      return { type, courtOrgCode: v % 2 === 0 ? ORGS.court.orgCode : 'jianghai_court', at: now, by };
    case 'record_judicial_confirmation':
      return { type, decision: v % 2 === 0 ? 'confirmed' : 'rejected', at: now, by: actorOf(s.judicialConfirmation?.courtOrgCode ?? ORGS.court.orgCode) };
    case 'record_performance':
      return { type, status: (['performing', 'performed', 'breached'] as const)[v % 3], note: '回访记录', by };
    case 'return_to_source':
      return { type, by };
  }
}

/** What must hold in every reachable state, whatever happened before. */
function checkInvariants(s: HandoffState): void {
  expect(HANDOFF_STATUSES).toContain(s.status);
  expect(s.timeline.at(-1)?.to).toBe(s.status);
  // The parties change only before any consent, and never take in the mediator.
  expect(s.consents.every((c) => s.parties.some((p) => p.id === c.partyId))).toBe(true);
  if (s.mediator) expect(s.parties.some((p) => p.id === s.mediator?.mediatorId)).toBe(false);
  const everyoneConsented = s.parties.every((p) => s.consents.some((c) => c.partyId === p.id && c.consents));
  if (['consented', 'in_session'].includes(s.status)) expect(everyoneConsented).toBe(true);
  if (s.sessions.length > 0) expect(everyoneConsented).toBe(true);
  const concluded = ['concluded_agreement', 'concluded_failed', 'returned'].includes(s.status);
  expect(s.conclusion !== undefined).toBe(concluded);
  if (s.conclusion?.outcome === 'agreement') {
    expect(s.agreement && validateAgreement(s.agreement)).toEqual([]);
    expect(s.sessions.some((x) => x.held !== undefined)).toBe(true);
  }
  if (s.judicialConfirmation !== undefined) expect(s.conclusion?.outcome).toBe('agreement');
}

// Mostly commands the status admits, so walks get deep; sometimes any command, to probe refusals.
const step = fc.record({ legal: fc.integer({ min: 0, max: 9 }).map((n) => n < 8), pick: fc.nat(), v: fc.nat(), hours: fc.integer({ min: 0, max: 24 * 4 }) });
const ROUTES = [{ kind: 'petition_mediation' }, { kind: 'police_mediation' }, { kind: 'litigation_mediation', stage: 'pre_filing' }, { kind: 'litigation_mediation', stage: 'post_filing', procedure: 'simple' }] as const;

describe('handoff state machine under random command sequences', () => {
  it('only ever refuses with HandoffTransitionError, never changes its input, and keeps its invariants', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ROUTES), fc.constantFrom(...HANDOFF_STATUSES), fc.array(step, { maxLength: 40 }), (route, start, steps) => {
        const clock = new Clock();
        let state = stateAt(start, clock, route);
        for (const { legal, pick, v, hours } of steps) {
          const allowed = commandsAllowedIn(state.status);
          const pool = legal && allowed.length > 0 ? allowed : HANDOFF_COMMAND_TYPES;
          const now = clock.tick(hours);
          const command = makeCommand(pool[pick % pool.length], state, now, v);
          const before = JSON.stringify(deepFreeze(state));
          try {
            const result = transition(state, command, now);
            expect(result.events.length).toBeGreaterThan(0);
            expect(result.state.timeline).toHaveLength(state.timeline.length + 1);
            state = result.state;
            checkInvariants(state);
          } catch (e) {
            expect(e).toBeInstanceOf(HandoffTransitionError);
            expect((e as HandoffTransitionError).from).toBe(state.status);
            expect(JSON.stringify(state)).toBe(before);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
