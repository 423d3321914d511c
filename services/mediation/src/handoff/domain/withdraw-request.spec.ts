import { HandoffTransitionError } from './handoff.errors';
import { actorOf, Clock, ORGS, stateAt } from './handoff.fixtures';
import { transition } from './handoff-state-machine';
import { withdrawRequest } from './withdraw-request';

const codeOf = (f: () => unknown): string => {
  try {
    f();
  } catch (err) {
    if (err instanceof HandoffTransitionError) return err.code;
    throw err;
  }
  throw new Error('expected a refusal');
};

describe('the source recalls an unanswered handoff', () => {
  it('ends it as withdrawn, tells the other roads and records who did it', () => {
    const clock = new Clock();
    const s = stateAt('requested', clock);
    const now = clock.tick();
    const r = withdrawRequest(s, { reason: '信访人撤回信访事项', by: actorOf(ORGS.petitionOffice.orgCode) }, now);
    expect(r.state.status).toBe('concluded_failed');
    expect(r.state.conclusion).toEqual({ outcome: 'failure', end: 'withdrawn', reason: '信访人撤回信访事项', at: now.toISOString(), otherRoads: ['arbitration', 'administrative', 'judicial'] });
    expect(r.state.timeline.at(-1)).toMatchObject({ command: 'withdraw_request', from: 'requested', to: 'concluded_failed', actor: { orgCode: ORGS.petitionOffice.orgCode } });
    expect(r.events).toEqual([expect.objectContaining({ type: 'handoff.concluded', outcome: 'failure', end: 'withdrawn' })]);
    expect(s.status).toBe('requested');
  });

  it('is refused once the receiver answered, to anyone but the source, and without a reason', () => {
    const clock = new Clock();
    const requested = stateAt('requested', clock);
    const by = actorOf(ORGS.petitionOffice.orgCode);
    expect(codeOf(() => withdrawRequest(stateAt('accepted', new Clock()), { reason: '撤回', by }, clock.tick()))).toBe('illegal_transition');
    expect(codeOf(() => withdrawRequest(stateAt('declined', new Clock()), { reason: '撤回', by }, clock.tick()))).toBe('illegal_transition');
    expect(codeOf(() => withdrawRequest(requested, { reason: '撤回', by: actorOf(requested.target.orgCode) }, clock.tick()))).toBe('actor_not_permitted');
    expect(codeOf(() => withdrawRequest(requested, { reason: '  ', by }, clock.tick()))).toBe('invalid_command');
  });

  it('leaves the outcome returnable to the source like any failure', () => {
    const clock = new Clock();
    const withdrawn = withdrawRequest(stateAt('requested', clock), { reason: '撤回', by: actorOf(ORGS.petitionOffice.orgCode) }, clock.tick()).state;
    const now = clock.tick();
    const back = transition(withdrawn, { type: 'return_to_source', by: actorOf(withdrawn.target.orgCode) }, now);
    expect(back.state.returned?.followUp).toBe('continue_petition');
  });
});
