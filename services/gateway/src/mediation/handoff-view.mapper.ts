import type { HandoffPage, HandoffSummary, HandoffView as HandoffContractView, MediationStats } from '@yikouban/contracts';
import type { HandoffConnectionView, HandoffSummaryView, HandoffView, StatsView } from './dto/handoff.view';

/** Instants on the wire are ISO strings under keys named `at` or `…At`; GraphQL's DateTime serialises Dates. */
const INSTANT_KEY = /^(at|from|to|[a-z][A-Za-z]*At)$/;

function revive(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => revive(v));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v, k)]));
  return typeof value === 'string' && INSTANT_KEY.test(key) && !Number.isNaN(Date.parse(value)) ? new Date(value) : value;
}

/** A list row: the summary's judicial confirmation has no dates. */
export function toSummaryView(s: HandoffSummary): HandoffSummaryView {
  const jc = s.judicialConfirmation;
  return revive({ ...s, judicialConfirmation: jc ? { courtOrgCode: jc.courtOrgCode, decision: jc.decision, requestedAt: null, decidedAt: null } : null }) as HandoffSummaryView;
}

/** The whole file: confirmation dates from the detail, the return's label flattened. */
export function toHandoffView(v: HandoffContractView): HandoffView {
  const jc = v.judicialConfirmationDetail;
  const r = v.returned;
  return revive({
    ...v,
    judicialConfirmation: jc ? { courtOrgCode: jc.courtOrgCode, requestedAt: jc.requestedAt, decision: jc.decision ?? null, decidedAt: jc.decidedAt ?? null } : null,
    returned: r ? { at: r.at, followUp: r.followUp, ...(r.note !== undefined ? { note: r.note } : {}), labelZh: r.label.zh, labelEn: r.label.en } : null,
  }) as HandoffView;
}

/** The service's keyset page as a Relay connection: each row carries the cursor that continues after it. */
export function toConnection(page: HandoffPage): HandoffConnectionView {
  const edges = page.items.map(({ cursor, ...s }) => ({ cursor, node: toSummaryView(s) }));
  return { edges, pageInfo: { hasNextPage: page.nextCursor !== null, endCursor: edges.at(-1)?.cursor ?? null } };
}

export function toStatsView(s: MediationStats): StatsView {
  return revive(s) as StatsView;
}
