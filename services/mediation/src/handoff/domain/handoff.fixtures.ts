/* Test helpers for the handoff domain specs: organisations, parties, a clock and canonical paths. */
import type { MediationAgreement } from './agreement';
import type { HandoffCommand } from './handoff.commands';
import type { HandoffRoute, HandoffState, HandoffStatus, MediationOrganisationKind, SourceOrganisationKind } from './handoff.types';
import type { HandoffRequest } from './request-handoff';
import { requestHandoff } from './request-handoff';
import { transition } from './handoff-state-machine';
import { HandoffTransitionError } from './handoff.errors';

export const ORGS = {
  petitionOffice: { orgCode: 'heshan_petition_bureau', name: '鹤山市信访局', kind: 'petition_office' as SourceOrganisationKind },
  court: { orgCode: 'heshan_court', name: '鹤山市人民法院', kind: 'court' as SourceOrganisationKind },
  procuratorate: { orgCode: 'heshan_procuratorate', name: '鹤山市人民检察院', kind: 'procuratorate' as SourceOrganisationKind },
  police: { orgCode: 'shaping_police_station', name: '沙坪派出所', kind: 'police_station' as SourceOrganisationKind },
  committee: { orgCode: 'shaping_mediation_committee', name: '沙坪街道人民调解委员会', kind: 'people_mediation_committee' as MediationOrganisationKind },
  lawyerRoom: { orgCode: 'heshan_lawyer_room', name: '鹤山市信访超市律师调解室', kind: 'lawyer_mediation_room' as MediationOrganisationKind },
};

export const PARTIES = [
  { id: 'p-li', name: '李桂芳', role: 'applicant' as const },
  { id: 'p-wang', name: '王建国', role: 'respondent' as const },
];

export const MEDIATOR_ID = 'mediator-chen';
export const OTHER_MEDIATOR_ID = 'mediator-zhou';

export const actorOf = (orgCode: string, userId = `clerk@${orgCode}`) => ({ userId, orgCode });

/** A clock that moves one hour forward on every tick, starting on a Monday morning in China. */
export class Clock {
  private t: number;
  constructor(start = '2026-03-02T09:00:00+08:00') {
    this.t = Date.parse(start);
  }
  tick(hours = 1): Date {
    this.t += hours * 3600 * 1000;
    return new Date(this.t);
  }
  peek(): Date {
    return new Date(this.t);
  }
}

const SOURCE_BY_KIND = { petition_mediation: ORGS.petitionOffice, litigation_mediation: ORGS.court, procuratorate_mediation: ORGS.procuratorate, police_mediation: ORGS.police };

export function requestFor(route: HandoffRoute, overrides: Partial<HandoffRequest> = {}): HandoffRequest {
  const source = SOURCE_BY_KIND[route.kind];
  return {
    id: 'handoff-1',
    route,
    source,
    target: ORGS.committee,
    sourceReference: 'GRV-2026-000123',
    matter: '相邻宅基地排水沟纠纷，雨季积水倒灌',
    parties: PARTIES,
    by: actorOf(source.orgCode),
    ...overrides,
  };
}

/** An agreement for the handoff, signed by every party at `signedAt` (or as given per party). */
export function agreementFor(state: HandoffState, signedAt: Date | Record<string, Date>): MediationAgreement {
  const when = (id: string) => (signedAt instanceof Date ? signedAt : signedAt[id]);
  return {
    id: `agreement-${state.id}`,
    parties: state.parties.map((p) => ({ partyId: p.id, name: p.name, role: p.role })),
    factsAndDispute: '双方宅基地相邻，王建国加高院墙后排水沟被堵，雨季积水倒灌李桂芳家',
    responsibilities: '王建国堵塞排水沟负主要责任',
    terms: ['王建国于十日内疏通并改建排水沟', '王建国赔偿李桂芳财物损失人民币三千元'],
    performance: { manner: '现场施工并当面支付赔偿款', deadline: '2026-04-30' },
    mediator: { id: state.mediator?.mediatorId ?? MEDIATOR_ID, name: '陈调解' },
    organisation: { orgCode: state.target.orgCode, name: state.target.name },
    signatures: state.parties.map((p) => ({ partyId: p.id, signedAt: when(p.id).toISOString(), method: 'e_signature' as const })),
  };
}

/** Applies commands in order, one clock tick apart. */
export function run(state: HandoffState, clock: Clock, commands: ReadonlyArray<(s: HandoffState, now: Date) => HandoffCommand>): HandoffState {
  return commands.reduce((s, make) => {
    const now = clock.tick();
    return transition(s, make(s, now), now).state;
  }, state);
}

type Make = (s: HandoffState, now: Date) => HandoffCommand;
const byTarget = (s: HandoffState) => actorOf(s.target.orgCode);

export const STEP = {
  accept: ((s) => ({ type: 'accept', by: byTarget(s) })) as Make,
  decline: ((s) => ({ type: 'decline', reason: '纠纷不属于本委员会调解范围', by: byTarget(s) })) as Make,
  appoint: ((s) => ({ type: 'appoint_mediator', mediatorId: MEDIATOR_ID, chosenByParties: false, conflictOfInterestDeclared: true, by: byTarget(s) })) as Make,
  consent: (partyId: string, consents = true): Make => (s) => ({ type: 'record_consent', partyId, consents, by: byTarget(s) }),
  consentAll: PARTIES.map((p) => ((s: HandoffState) => ({ type: 'record_consent', partyId: p.id, consents: true, by: byTarget(s) })) as Make),
  schedule: ((s, now) => ({
    type: 'schedule_session',
    sessionId: `session-${s.sessions.length + 1}`,
    at: new Date(now.getTime() + 30 * 60 * 1000),
    mode: 'on_site',
    location: '沙坪街道综治中心调解室',
    by: byTarget(s),
  })) as Make,
  recordSession: ((s) => ({
    type: 'record_session',
    sessionId: s.sessions.find((x) => x.held === undefined)?.sessionId ?? 'session-1',
    participants: [...s.parties.map((p) => p.id), MEDIATOR_ID],
    record: '双方陈述事实，调解员释法说理，双方就疏通排水沟和赔偿达成一致',
    by: byTarget(s),
  })) as Make,
  concludeAgreement: ((s, now) => ({ type: 'conclude_agreement', agreement: agreementFor(s, now), by: byTarget(s) })) as Make,
  concludeFailure: ((s) => ({ type: 'conclude_failure', end: 'positions_too_far_apart', reason: '双方对赔偿数额分歧过大', by: byTarget(s) })) as Make,
  returnToSource: ((s) => ({ type: 'return_to_source', by: byTarget(s) })) as Make,
};

/** The shortest ordinary path to every status, so each status can be tested from a real history. */
export const PATH_TO: Readonly<Record<HandoffStatus, readonly Make[]>> = {
  requested: [],
  accepted: [STEP.accept],
  declined: [STEP.decline],
  mediator_appointed: [STEP.accept, STEP.appoint],
  awaiting_consent: [STEP.accept, STEP.appoint, STEP.consentAll[0]],
  consented: [STEP.accept, STEP.appoint, ...STEP.consentAll],
  in_session: [STEP.accept, STEP.appoint, ...STEP.consentAll, STEP.schedule],
  concluded_agreement: [STEP.accept, STEP.appoint, ...STEP.consentAll, STEP.schedule, STEP.recordSession, STEP.concludeAgreement],
  concluded_failed: [STEP.accept, STEP.concludeFailure],
  returned: [STEP.accept, STEP.appoint, ...STEP.consentAll, STEP.schedule, STEP.recordSession, STEP.concludeAgreement, STEP.returnToSource],
};

export function stateAt(status: HandoffStatus, clock = new Clock(), route: HandoffRoute = { kind: 'petition_mediation' }): HandoffState {
  const { state } = requestHandoff(requestFor(route), clock.peek());
  return run(state, clock, PATH_TO[status]);
}

/** Freezes a value and everything inside it, so any mutation by the code under test throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The refusal a command meets; fails when the command is accepted or throws anything else. */
export function rejection(fn: () => unknown): HandoffTransitionError {
  try {
    fn();
  } catch (e) {
    if (e instanceof HandoffTransitionError) return e;
    throw e;
  }
  throw new Error('expected a HandoffTransitionError, but the command was accepted');
}
