import { randomUUID } from 'node:crypto';
import type { AssignmentPage, AssignmentView, CategoryDefinition, InboxItem, PublicationView } from '@yikouban/contracts';

/** Contract-shaped answers of routing's workbench and administration, for the gateway's tests. */
export function anInboxItem(over: Partial<InboxItem> = {}): InboxItem {
  const id = over.id ?? randomUUID();
  return {
    id,
    grievanceId: randomUUID(),
    trackingCode: '330621-26-3301W',
    role: 'lead',
    orgCode: 'dept_human_resources',
    orgName: '青川县人力资源和社会保障局',
    regionCode: '330621102202',
    status: 'created',
    ruleId: 'wage_arrears@330621:collective',
    ruleVersion: 1,
    returnDeadlineAt: '2026-12-07T16:00:00.000Z',
    acceptedAt: null,
    bindingDecisionId: null,
    pendingHandover: null,
    createdAt: '2026-11-30T02:00:00.000Z',
    updatedAt: '2026-11-30T02:00:00.000Z',
    cursor: `cursor-${id}`,
    ...over,
  };
}

export function aPage(items: InboxItem[], more = false): AssignmentPage {
  return { items, nextCursor: more ? (items.at(-1)?.cursor ?? null) : null };
}

export function anAssignmentView(over: Partial<AssignmentView> = {}): AssignmentView {
  const { cursor: _cursor, ...item } = anInboxItem();
  return {
    ...item,
    returnedAt: null,
    returnReason: null,
    replacesAssignmentId: null,
    disputeId: null,
    caseLeader: null,
    timeline: [],
    contributions: [],
    reply: null,
    ...over,
  };
}

export function aCategory(over: Partial<CategoryDefinition> = {}): CategoryDefinition {
  return {
    code: 'wage_arrears',
    name: '拖欠农民工工资',
    nameEn: 'Wage arrears',
    matterClass: 'claim',
    statutoryPaths: ['arbitration', 'litigation', 'petition'],
    leadDepartmentType: 'human_resources',
    coDepartmentTypes: [],
    handledAtTownLevel: false,
    laws: ['《保障农民工工资支付条例》第三十条'],
    defaultComplexity: 'urgent',
    defaultColour: 'red',
    keywords: ['欠薪'],
    ...over,
  };
}

export function aPublication(over: Partial<PublicationView> = {}): PublicationView {
  return { version: 1, basedOn: null, publishedAt: null, publishedBy: null, note: null, current: true, size: 1, ...over };
}
