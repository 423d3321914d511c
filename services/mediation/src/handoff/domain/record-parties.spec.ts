import type { HandoffCommand } from './handoff.commands';
import type { HandoffParty, HandoffState } from './handoff.types';
import { actorOf, Clock, MEDIATOR_ID, ORGS, PARTIES, requestFor, stateAt, STEP, run, rejection } from './handoff.fixtures';
import { transition } from './handoff-state-machine';
import { requestHandoff } from './request-handoff';

/** What a 访调 from routing's redirect names before the committee meets the parties (see REDIRECT_PARTIES). */
const PLACEHOLDERS: HandoffParty[] = [
  { id: 'petitioner', name: '信访人（信访事项 330621-26-5103R）', role: 'applicant' },
  { id: 'other-party', name: '对方当事人（待调解组织核实）', role: 'respondent' },
];
const VERIFIED: HandoffParty[] = [
  { id: 'p-zhao', name: '赵秀英', role: 'applicant' },
  { id: 'p-sun', name: '孙志强', role: 'respondent' },
  { id: 'p-village', name: '石桥村村民委员会', role: 'third_party' },
];

const target = (s: HandoffState) => actorOf(s.target.orgCode);
const record = (s: HandoffState, parties: readonly HandoffParty[], by = target(s)): HandoffCommand => ({ type: 'record_parties', parties, by });

/** A 访调 as the redirect makes it, taken to `steps` by the committee. */
function redirected(clock: Clock, steps: Parameters<typeof run>[2]): HandoffState {
  const { state } = requestHandoff(requestFor({ kind: 'petition_mediation' }, { parties: PLACEHOLDERS }), clock.peek());
  return run(state, clock, steps);
}

describe('核实当事人: the receiving organisation records the real parties', () => {
  it('replaces the placeholders of an accepted 访调 and keeps who did it, when, and the list it replaced', () => {
    const clock = new Clock();
    const s = redirected(clock, [STEP.accept]);
    const now = clock.tick();
    const by = actorOf(s.target.orgCode, 'mediator-clerk');
    const { state, events } = transition(s, record(s, VERIFIED, by), now);
    expect(state.parties).toEqual(VERIFIED);
    expect(state.status).toBe('accepted');
    expect(state.timeline.at(-1)).toEqual({ at: now.toISOString(), command: 'record_parties', from: 'accepted', to: 'accepted', actor: by });
    expect(events).toEqual([{ type: 'handoff.parties_recorded', handoffId: s.id, at: now.toISOString(), parties: VERIFIED, previous: PLACEHOLDERS }]);
    expect(s.parties).toEqual(PLACEHOLDERS);
  });

  it('trims names and lets the consents then be asked of the recorded parties only', () => {
    const clock = new Clock();
    const s = redirected(clock, [STEP.accept, STEP.appoint]);
    const { state } = transition(s, record(s, [{ id: ' p-zhao ', name: ' 赵秀英 ', role: 'applicant' }, VERIFIED[1]]), clock.tick());
    expect(state.parties).toEqual([VERIFIED[0], VERIFIED[1]]);
    expect(state.status).toBe('mediator_appointed');
    expect(rejection(() => transition(state, STEP.consent('petitioner')(state, clock.tick()), clock.peek())).code).toBe('unknown_party');
    const consented = run(state, clock, [STEP.consent('p-zhao'), STEP.consent('p-sun')]);
    expect(consented.status).toBe('consented');
  });

  it('fixes the parties once any of them answered on consent, saying why in both languages', () => {
    for (const status of ['awaiting_consent', 'consented', 'in_session'] as const) {
      const clock = new Clock();
      const s = stateAt(status, clock);
      const e = rejection(() => transition(s, record(s, VERIFIED), clock.tick()));
      expect([status, e.code, e.field]).toEqual([status, 'parties_fixed', undefined]);
      expect(e.message).toBe('当事人已就是否同意调解作出表示，当事人不能再变更 (the parties are fixed once a party’s consent is recorded)');
    }
  });

  it('is refused before acceptance, after the end, and to anyone but the receiving organisation', () => {
    const clock = new Clock();
    for (const status of ['requested', 'declined', 'concluded_failed', 'concluded_agreement', 'returned'] as const) {
      const s = stateAt(status, clock);
      expect([status, rejection(() => transition(s, record(s, VERIFIED), clock.tick())).code]).toEqual([status, 'illegal_transition']);
    }
    const s = stateAt('accepted', clock);
    for (const org of [ORGS.petitionOffice.orgCode, ORGS.lawyerRoom.orgCode]) {
      expect(rejection(() => transition(s, record(s, VERIFIED, actorOf(org)), clock.tick()))).toMatchObject({ code: 'actor_not_permitted', field: 'by.orgCode' });
    }
  });

  it.each([
    ['one side only', [VERIFIED[0]], 'parties'],
    ['no respondent', [VERIFIED[0], VERIFIED[2]], 'parties'],
    ['a party listed twice', [VERIFIED[0], { ...VERIFIED[1], id: 'p-zhao' }], 'parties[1].id'],
    ['a party without a name', [VERIFIED[0], { ...VERIFIED[1], name: '  ' }], 'parties[1].name'],
    ['a role a dispute has not', [VERIFIED[0], { ...VERIFIED[1], role: 'witness' as HandoffParty['role'] }], 'parties[1].role'],
    ['no list at all', undefined as unknown as HandoffParty[], 'parties'],
  ])('checks the list as a request’s: refuses %s', (_what, parties, field) => {
    const clock = new Clock();
    const s = stateAt('accepted', clock);
    expect(rejection(() => transition(s, record(s, parties), clock.tick()))).toMatchObject({ code: 'invalid_command', field });
  });

  it('checks the appointed mediator again: a party never mediates its own dispute', () => {
    const clock = new Clock();
    const s = stateAt('mediator_appointed', clock);
    const e = rejection(() => transition(s, record(s, [VERIFIED[0], { id: MEDIATOR_ID, name: '陈调解', role: 'respondent' }]), clock.tick()));
    expect(e).toMatchObject({ code: 'conflict_of_interest', field: 'parties' });
    expect(s.parties).toEqual(PARTIES);
    // Before any appointment the same list is fine; the appointment then refuses that mediator.
    const accepted = stateAt('accepted', clock);
    const recorded = transition(accepted, record(accepted, [VERIFIED[0], { id: MEDIATOR_ID, name: '陈调解', role: 'respondent' }]), clock.tick()).state;
    expect(rejection(() => transition(recorded, STEP.appoint(recorded, clock.tick()), clock.peek())).code).toBe('conflict_of_interest');
  });
});
