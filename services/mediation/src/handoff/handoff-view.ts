import type { HandoffSummary, HandoffView } from '@yikouban/contracts';
import { commandsAllowedIn, OTHER_ROAD_LABELS, SOURCE_FOLLOW_UP_LABELS } from './domain';
import type { StoredHandoff } from './handoff.repository';

/** Where a handoff stands, for an inbox row or the sending side's list. */
export function toSummary(h: StoredHandoff): HandoffSummary {
  const s = h.state;
  const r = s.route;
  const jc = s.judicialConfirmation;
  return {
    id: s.id,
    kind: r.kind,
    stage: 'stage' in r ? r.stage : null,
    procedure: 'procedure' in r ? r.procedure : null,
    status: s.status,
    grievanceId: h.grievanceId,
    sourceReference: s.sourceReference,
    matter: s.matter,
    regionCode: h.regionCode,
    source: { ...s.source },
    target: { ...s.target },
    mediatorId: s.mediator?.mediatorId ?? null,
    requestedAt: s.requestedAt,
    acceptedAt: s.acceptedAt ?? null,
    mediationDueAt: s.mediationDueAt ?? null,
    concludedAt: s.conclusion?.at ?? null,
    outcome: s.conclusion?.outcome ?? null,
    failureEnd: s.conclusion?.outcome === 'failure' ? s.conclusion.end : null,
    followUp: s.returned?.followUp ?? null,
    judicialConfirmation: jc ? { courtOrgCode: jc.courtOrgCode, decision: jc.decision ?? null } : null,
    version: h.version,
  };
}

/** The whole file, with labels the parties and the source need (other roads, the source's follow-up). */
export function toView(h: StoredHandoff, mediatorName: string | null): HandoffView {
  const s = h.state;
  const conclusion = s.conclusion ?? null;
  const roads = conclusion?.outcome === 'failure' ? conclusion.otherRoads : [];
  return {
    ...toSummary(h),
    parties: s.parties.map((p) => ({ ...p })),
    timeLimit: { amount: s.timeLimit.amount, unit: s.timeLimit.unit, source: s.timeLimit.source },
    declined: s.declined ?? null,
    mediator: s.mediator ? { ...s.mediator, name: mediatorName } : null,
    consents: s.consents.map((c) => ({ ...c })),
    sessions: s.sessions.map(({ held, ...x }) => ({ ...x, ...(held ? { held: { ...held, participants: [...held.participants] } } : {}) })),
    extensions: s.extensions.map((e) => ({ ...e, consentingPartyIds: [...e.consentingPartyIds] })),
    agreement: s.agreement
      ? { ...s.agreement, parties: s.agreement.parties.map((p) => ({ ...p })), terms: [...s.agreement.terms], signatures: s.agreement.signatures.map((x) => ({ ...x })) }
      : null,
    conclusion: conclusion === null ? null : conclusion.outcome === 'agreement' ? { ...conclusion } : { ...conclusion, otherRoads: [...conclusion.otherRoads] },
    otherRoads: roads.map((road) => ({ road, ...OTHER_ROAD_LABELS[road] })),
    judicialConfirmationDetail: s.judicialConfirmation ? { ...s.judicialConfirmation } : null,
    performance: s.performance.map((p) => ({ ...p })),
    returned: s.returned ? { ...s.returned, label: SOURCE_FOLLOW_UP_LABELS[s.returned.followUp] } : null,
    timeline: s.timeline.map((e) => ({ ...e, actor: { ...e.actor } })),
    commandsAllowed: [...commandsAllowedIn(s.status), ...(s.status === 'requested' ? ['withdraw_request'] : [])],
  };
}
