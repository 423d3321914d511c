import { randomUUID } from 'node:crypto';
import { validatePayload } from '@yikouban/contracts';
import { requestHandoff, transition, type HandoffDomainEvent, type HandoffRoute, type HandoffState } from './domain';
import { actorOf, agreementFor, Clock, ORGS, requestFor, STEP } from './domain/handoff.fixtures';
import { factsOf, type Fact } from './handoff-facts';
import type { StoredHandoff } from './handoff.repository';

/** Walks a handoff with uuid ids (as the service makes them) and collects every transition's facts. */
function walk(route: HandoffRoute, steps: ((s: HandoffState, now: Date) => Parameters<typeof transition>[1])[], grievanceId: string | null = randomUUID()) {
  const clock = new Clock();
  const created = requestHandoff(requestFor(route, { id: randomUUID() }), clock.peek());
  let h: StoredHandoff = { state: created.state, version: 1, regionCode: '330621101', grievanceId };
  const facts: Fact[] = factsOf(h, created.events);
  const events: HandoffDomainEvent[] = [...created.events];
  for (const make of steps) {
    const now = clock.tick();
    const r = transition(h.state, make(h.state, now), now);
    h = { ...h, state: r.state, version: h.version + 1 };
    facts.push(...factsOf(h, r.events));
    events.push(...r.events);
  }
  return { h, facts, events };
}

const withUuidAgreement = (s: HandoffState, now: Date) => ({ type: 'conclude_agreement' as const, agreement: { ...agreementFor(s, now), id: randomUUID() }, by: actorOf(s.target.orgCode) });
const TO_AGREEMENT = [STEP.accept, STEP.appoint, ...STEP.consentAll, STEP.schedule, STEP.recordSession, withUuidAgreement];

describe('facts of a handoff as contract events', () => {
  it('publishes each public step once, every deadline as data, and every payload passes its own contract', async () => {
    const { h, facts } = walk({ kind: 'petition_mediation' }, [
      ...TO_AGREEMENT,
      (s, now) => ({ type: 'request_judicial_confirmation', courtOrgCode: ORGS.court.orgCode, at: now, by: actorOf(s.target.orgCode) }),
      (_s, now) => ({ type: 'record_judicial_confirmation', decision: 'confirmed', at: now, by: actorOf(ORGS.court.orgCode) }),
      STEP.returnToSource,
    ]);
    expect(facts.map((f) => f.contract.subject + ((f.data as { step?: string }).step ? `:${(f.data as { step: string }).step}` : ''))).toEqual([
      'mediation.handoff.requested',
      'mediation.deadline.set:handoff_acceptance',
      'mediation.handoff.accepted',
      'mediation.deadline.set:mediator_appointment',
      'mediation.deadline.set:mediation',
      'mediation.handoff.concluded',
      'mediation.deadline.set:judicial_confirmation_application',
      'mediation.agreement.confirmed',
      'mediation.handoff.returned',
    ]);
    for (const f of facts) {
      const r = await validatePayload(f.contract.dataClass, f.data);
      expect({ subject: f.contract.subject, reason: r.ok ? null : r.reason }).toEqual({ subject: f.contract.subject, reason: null });
    }
    const mediation = facts.find((f) => (f.data as { step?: string }).step === 'mediation')?.data;
    expect(mediation).toMatchObject({ amount: 30, unit: 'natural_days', dueAt: h.state.mediationDueAt, responsibleOrgCode: ORGS.committee.orgCode });
  });

  it('moves the mediation deadline on extension and tells a failure with its other roads', async () => {
    const { h, facts } = walk({ kind: 'litigation_mediation', stage: 'post_filing', procedure: 'simple' }, [
      STEP.accept,
      (s) => ({ type: 'extend_time_limit', days: 3, consentingPartyIds: s.parties.map((p) => p.id), by: actorOf(s.target.orgCode) }),
      STEP.concludeFailure,
    ], null);
    const deadlines = facts.filter((f) => (f.data as { step?: string }).step === 'mediation').map((f) => f.data as { amount: number; dueAt: string });
    expect(deadlines.map((d) => d.amount)).toEqual([7, 10]);
    expect(deadlines[1].dueAt).toBe(h.state.mediationDueAt);
    const concluded = facts.find((f) => f.contract.subject === 'mediation.handoff.concluded');
    expect(concluded?.data).toEqual(expect.objectContaining({ outcome: 'failure', end: 'positions_too_far_apart', otherRoads: ['arbitration', 'administrative', 'judicial'] }));
    expect(concluded?.data).not.toHaveProperty('grievanceId');
    for (const f of facts) expect((await validatePayload(f.contract.dataClass, f.data)).ok).toBe(true);
  });

  it('keeps internal steps (consents, sessions) out of the public facts', () => {
    const { facts, events } = walk({ kind: 'police_mediation' }, [STEP.accept, STEP.appoint, ...STEP.consentAll]);
    expect(events.map((e) => e.type)).toContain('handoff.consent_recorded');
    expect(facts.map((f) => f.contract.subject)).not.toContain('mediation.handoff.consent_recorded');
    expect(facts).toHaveLength(5);
  });
});
