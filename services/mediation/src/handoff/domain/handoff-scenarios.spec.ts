import type { HandoffDomainEvent } from './handoff.events';
import type { HandoffRoute, HandoffState } from './handoff.types';
import { actorOf, agreementFor, Clock, MEDIATOR_ID, ORGS, PARTIES, requestFor, STEP } from './handoff.fixtures';
import { OTHER_ROAD_LABELS } from './handoff-outcome';
import { transition } from './handoff-state-machine';
import type { HandoffCommand } from './handoff.commands';
import { requestHandoff } from './request-handoff';

/** Drives a handoff step by step, one hour apart, collecting every event. */
class Story {
  readonly clock = new Clock();
  readonly events: HandoffDomainEvent[] = [];
  state: HandoffState;

  constructor(route: HandoffRoute, target = ORGS.committee) {
    const r = requestHandoff(requestFor(route, { target }), this.clock.peek());
    this.state = r.state;
    this.events.push(...r.events);
  }

  do(make: (s: HandoffState, now: Date) => HandoffCommand, hours = 1): this {
    const now = this.clock.tick(hours);
    const r = transition(this.state, make(this.state, now), now);
    this.state = r.state;
    this.events.push(...r.events);
    return this;
  }

  mediateToAgreement(): this {
    return this.do(STEP.accept).do(STEP.appoint).do(STEP.consentAll[0]).do(STEP.consentAll[1]).do(STEP.schedule).do(STEP.recordSession).do(STEP.concludeAgreement);
  }

  types(): string[] {
    return this.events.map((e) => e.type);
  }
}

const target = (s: HandoffState) => actorOf(s.target.orgCode);

describe('访调: a petition mediated to agreement and judicially confirmed', () => {
  it('goes from the petition office to the committee, is confirmed by the court and closes the petition', () => {
    const story = new Story({ kind: 'petition_mediation' }).mediateToAgreement();
    expect(story.state.status).toBe('concluded_agreement');
    const concluded = story.events.find((e) => e.type === 'handoff.concluded');
    // Signed at the conclusion hour 2026-03-02T16:00+08 → application closes at the end of 2026-04-01 China time.
    expect(concluded).toMatchObject({ outcome: 'agreement', effectiveAt: '2026-03-02T08:00:00.000Z', confirmationApplicationEndsAt: '2026-04-01T16:00:00.000Z' });

    story
      .do((s, now) => ({ type: 'request_judicial_confirmation', courtOrgCode: ORGS.court.orgCode, at: now, by: target(s) }), 24 * 10)
      .do((_s, now) => ({ type: 'record_judicial_confirmation', decision: 'confirmed', at: now, by: actorOf(ORGS.court.orgCode) }), 24 * 5)
      .do(STEP.returnToSource)
      .do((s) => ({ type: 'record_performance', status: 'performed', note: '排水沟已改建，赔偿款已当面付清', by: target(s) }), 24 * 20);

    expect(story.types()).toEqual([
      'handoff.requested',
      'handoff.accepted',
      'handoff.mediator_appointed',
      'handoff.consent_recorded',
      'handoff.consent_recorded',
      'handoff.session_scheduled',
      'handoff.session_recorded',
      'handoff.concluded',
      'agreement.confirmation_requested',
      'agreement.confirmed',
      'handoff.returned',
      'agreement.performance_recorded',
    ]);
    expect(story.state).toMatchObject({
      status: 'returned',
      judicialConfirmation: { courtOrgCode: ORGS.court.orgCode, decision: 'confirmed' },
      returned: { followUp: 'close_petition' },
      performance: [{ status: 'performed' }],
    });
    expect(story.state.timeline.map((t) => t.to)).toEqual([
      'requested', 'accepted', 'mediator_appointed', 'awaiting_consent', 'consented', 'in_session', 'in_session',
      'concluded_agreement', 'concluded_agreement', 'concluded_agreement', 'returned', 'returned',
    ]);
    expect(story.state.timeline[0].actor.orgCode).toBe(ORGS.petitionOffice.orgCode);
    expect(story.state.timeline.at(-1)?.actor.orgCode).toBe(ORGS.committee.orgCode);
  });
});

describe('诉调 before filing: fails and goes back to the court', () => {
  it('ends with positions too far apart, lists the other roads and tells the court to file the case', () => {
    const story = new Story({ kind: 'litigation_mediation', stage: 'pre_filing' });
    expect(story.state.timeLimit.amount).toBe(30);
    story.do(STEP.accept).do(STEP.appoint).do(STEP.consentAll[0]).do(STEP.consentAll[1]).do(STEP.schedule).do(STEP.recordSession);
    story.do((s) => ({ type: 'conclude_failure', end: 'positions_too_far_apart', reason: '被申请人只同意赔偿五百元，申请人坚持三千元', by: target(s) }));
    const concluded = story.events.at(-1);
    expect(concluded).toMatchObject({ type: 'handoff.concluded', kind: 'litigation_mediation', outcome: 'failure', end: 'positions_too_far_apart' });
    expect(concluded?.type === 'handoff.concluded' && concluded.outcome === 'failure' ? concluded.otherRoads : []).toEqual(['arbitration', 'administrative', 'judicial']);
    expect(OTHER_ROAD_LABELS.judicial.zh).toContain('人民法院');

    story.do(STEP.returnToSource);
    expect(story.state.status).toBe('returned');
    expect(story.events.at(-1)).toMatchObject({ type: 'handoff.returned', outcome: 'failure', followUp: 'file_case' });
    expect(() => story.do((s, now) => ({ type: 'request_judicial_confirmation', courtOrgCode: ORGS.court.orgCode, at: now, by: target(s) }))).toThrow(
      expect.objectContaining({ code: 'illegal_transition' }),
    );
  });
});

describe('诉调 after filing (simple procedure)', () => {
  it('has a 7-day period and ends in a mediation document, not judicial confirmation', () => {
    const story = new Story({ kind: 'litigation_mediation', stage: 'post_filing', procedure: 'simple' }).mediateToAgreement();
    expect(story.state.timeLimit.amount).toBe(7);
    expect(story.events.find((e) => e.type === 'handoff.concluded')).toMatchObject({ confirmationApplicationEndsAt: null });
    expect(() => story.do((s, now) => ({ type: 'request_judicial_confirmation', courtOrgCode: ORGS.court.orgCode, at: now, by: target(s) }))).toThrow(
      expect.objectContaining({ code: 'not_applicable' }),
    );
    story.do(STEP.returnToSource);
    expect(story.state.returned?.followUp).toBe('mediation_document_or_withdrawal');
  });
});

describe('检调: procuratorate to lawyer mediation room', () => {
  it('reaches agreement, returns to the procuratorate to close the case and tracks a breach', () => {
    const story = new Story({ kind: 'procuratorate_mediation' }, ORGS.lawyerRoom).mediateToAgreement().do(STEP.returnToSource);
    expect(story.state.source.orgCode).toBe(ORGS.procuratorate.orgCode);
    expect(story.events.at(-1)).toMatchObject({ type: 'handoff.returned', outcome: 'agreement', followUp: 'close_case' });
    story.do((s) => ({ type: 'record_performance', status: 'breached', note: '赔偿款逾期未付', by: target(s) }), 24 * 60);
    expect(story.state.performance.map((p) => p.status)).toEqual(['breached']);
    expect(story.state.agreement?.mediator.id).toBe(MEDIATOR_ID);
  });
});

describe('警调: police station to the stationed committee', () => {
  it('ends at once when a party refuses, and the police go on handling the case', () => {
    const story = new Story({ kind: 'police_mediation' }).do(STEP.accept).do(STEP.appoint).do(STEP.consent(PARTIES[0].id)).do(STEP.consent(PARTIES[1].id, false));
    expect(story.state.status).toBe('concluded_failed');
    expect(story.state.conclusion).toMatchObject({ outcome: 'failure', end: 'refused', otherRoads: ['arbitration', 'administrative', 'judicial'] });
    expect(story.types().slice(-2)).toEqual(['handoff.consent_recorded', 'handoff.concluded']);
    story.do(STEP.returnToSource);
    expect(story.state.returned?.followUp).toBe('resume_case_handling');
  });

  it('cannot be sent to a lawyer mediation room', () => {
    expect(() => requestHandoff(requestFor({ kind: 'police_mediation' }, { target: ORGS.lawyerRoom }), new Date())).toThrow(
      expect.objectContaining({ code: 'invalid_command', field: 'target.kind' }),
    );
  });
});

describe('an agreement reached at a later session', () => {
  it('concludes once some session is on record, even while the later one is not yet written up', () => {
    const story = new Story({ kind: 'petition_mediation' }).do(STEP.accept).do(STEP.appoint).do(STEP.consentAll[0]).do(STEP.consentAll[1]).do(STEP.schedule).do(STEP.recordSession).do(STEP.schedule);
    story.do((s, now) => ({ type: 'conclude_agreement', agreement: agreementFor(s, now), by: target(s) }));
    expect(story.state.status).toBe('concluded_agreement');
    expect(story.state.sessions.map((s) => s.held !== undefined)).toEqual([true, false]);
  });
});
