// 督办单: the fields both sides read (the supervisor's list and the unit's workbench).
export const NOTICE_FIELDS = `id trackingCode level listed orgCode regionCode demands issuedAt issuedBy responseDueAt fixDueAt acceptedAt overdue state
  responses { round actions result respondedAt respondedBy onTime verdict reviewNote reviewedAt reviewedBy }`;

export const NOTICES = `query ($filter: NoticeFilter, $first: Int, $after: String) {
  notices(filter: $filter, first: $first, after: $after) { edges { node { ${NOTICE_FIELDS} } } pageInfo { hasNextPage endCursor } }
}`;

export type NoticeState = 'ISSUED' | 'RESPONDED' | 'REJECTED' | 'ACCEPTED';
export const NOTICE_STATES: NoticeState[] = ['ISSUED', 'RESPONDED', 'REJECTED', 'ACCEPTED'];
export const NOTICE_LEVELS = ['SUPERVISION_OFFICE', 'JOINT_OFFICE', 'DISCIPLINE_COMMISSION'] as const;

export interface NoticeResponse {
  round: number;
  actions: string;
  result: string;
  respondedAt: string;
  respondedBy: string;
  onTime: boolean;
  verdict: 'ACCEPTED' | 'REJECTED' | null;
  reviewNote: string | null;
  reviewedAt: string | null;
  reviewedBy: string | null;
}

export interface Notice {
  id: string;
  trackingCode: string;
  level: string;
  listed: boolean;
  orgCode: string;
  regionCode: string | null;
  demands: string;
  issuedAt: string;
  issuedBy: string;
  responseDueAt: string;
  fixDueAt: string | null;
  acceptedAt: string | null;
  overdue: boolean;
  state: NoticeState;
  responses: NoticeResponse[];
}

export interface NoticePage {
  notices: { edges: { node: Notice }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}
