import { randomUUID } from 'node:crypto';
import type { HandoffPage, HandoffSummary, HandoffView } from '@yikouban/contracts';

/** A 访调 handoff as the mediation service answers it, requested by 人社 to the labour committee. */
export function aHandoffView(over: Partial<HandoffView> = {}): HandoffView {
  const at = '2026-03-02T02:00:00.000Z';
  return {
    id: randomUUID(),
    kind: 'petition_mediation',
    stage: null,
    procedure: null,
    status: 'requested',
    grievanceId: randomUUID(),
    sourceReference: '330621-26-0042K',
    matter: '工地拖欠工资纠纷',
    regionCode: '330621',
    source: { orgCode: 'dept_human_resources', name: '县人力资源和社会保障局', kind: 'petition_office' },
    target: { orgCode: 'med_labour', name: '县劳动争议人民调解委员会', kind: 'people_mediation_committee' },
    mediatorId: null,
    requestedAt: at,
    acceptedAt: null,
    mediationDueAt: null,
    concludedAt: null,
    outcome: null,
    failureEnd: null,
    followUp: null,
    judicialConfirmation: null,
    version: 1,
    parties: [
      { id: 'p-gao', name: '高建国', role: 'applicant' },
      { id: 'p-co', name: '某建筑公司', role: 'respondent' },
    ],
    timeLimit: { amount: 30, unit: 'natural_days', source: '人民调解委员会调解期限' },
    declined: null,
    mediator: null,
    consents: [],
    sessions: [],
    extensions: [],
    agreement: null,
    conclusion: null,
    otherRoads: [],
    judicialConfirmationDetail: null,
    performance: [],
    returned: null,
    timeline: [{ at, command: 'request', from: null, to: 'requested', actor: { userId: 'u-unit', orgCode: 'dept_human_resources' } }],
    commandsAllowed: ['accept', 'decline', 'withdraw_request'],
    ...over,
  };
}

export function summaryOf(v: HandoffView): HandoffSummary {
  const { id, kind, stage, procedure, status, grievanceId, sourceReference, matter, regionCode, source, target, mediatorId, requestedAt, acceptedAt, mediationDueAt, concludedAt, outcome, failureEnd, followUp, judicialConfirmation, version } = v;
  return { id, kind, stage, procedure, status, grievanceId, sourceReference, matter, regionCode, source, target, mediatorId, requestedAt, acceptedAt, mediationDueAt, concludedAt, outcome, failureEnd, followUp, judicialConfirmation, version };
}

/** A page of rows, each with its own cursor; `more` sets nextCursor to the last row's. */
export function aPage(views: HandoffView[], more = false): HandoffPage {
  const items = views.map((v, i) => ({ ...summaryOf(v), cursor: `cursor-${i + 1}` }));
  return { items, nextCursor: more && items.length ? items[items.length - 1].cursor : null };
}
