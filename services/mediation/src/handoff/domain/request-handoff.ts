import { fail, hasText, requireDate, requireOneOf, requireParties, requireText, type GuardContext } from './handoff-guards';
import type { TransitionResult } from './handoff.events';
import {
  HANDOFF_KINDS,
  HANDOFF_ORGANISATIONS,
  type Actor,
  type HandoffParty,
  type HandoffRoute,
  type HandoffState,
  type MediationOrganisationKind,
  type OrganisationRef,
  type SourceOrganisationKind,
} from './handoff.types';
import { timeLimitForRoute, type TimeLimit } from './time-limits';

export interface HandoffRequest {
  id: string;
  route: HandoffRoute;
  source: OrganisationRef<SourceOrganisationKind>;
  target: OrganisationRef<MediationOrganisationKind>;
  sourceReference: string;
  matter: string;
  parties: readonly HandoffParty[];
  /** Someone acting for the source organisation. */
  by: Actor;
  /** A jurisdiction's own mediation period; defaults to timeLimitForRoute(route). */
  timeLimit?: TimeLimit;
}

const ctx: GuardContext = { from: null, command: 'request' };

/** Creates a handoff in status `requested`, or throws HandoffTransitionError naming the bad field. */
export function requestHandoff(req: HandoffRequest, now: Date): TransitionResult {
  requireDate(ctx, now, 'now');
  const route = checkRoute(req.route);
  checkOrganisations(req, route);
  const parties = requireParties(ctx, req.parties);
  const timeLimit = req.timeLimit === undefined ? timeLimitForRoute(route) : checkTimeLimit(req.timeLimit);
  const at = now.toISOString();
  const state: HandoffState = {
    id: requireText(ctx, req.id, 'id', '编号'),
    route,
    status: 'requested',
    source: { ...req.source },
    target: { ...req.target },
    sourceReference: requireText(ctx, req.sourceReference, 'sourceReference', '来源案件编号'),
    matter: requireText(ctx, req.matter, 'matter', '纠纷事项'),
    parties,
    requestedAt: at,
    timeLimit,
    consents: [],
    sessions: [],
    extensions: [],
    performance: [],
    timeline: [{ at, command: 'request', from: null, to: 'requested', actor: { ...req.by } }],
  };
  return {
    state,
    events: [{ type: 'handoff.requested', handoffId: state.id, at, route, sourceOrgCode: state.source.orgCode, targetOrgCode: state.target.orgCode }],
  };
}

function checkRoute(route: HandoffRoute): HandoffRoute {
  const kind = requireOneOf(ctx, route?.kind, HANDOFF_KINDS, 'route.kind');
  if (kind !== 'litigation_mediation') return { kind };
  const r = route as Extract<HandoffRoute, { kind: 'litigation_mediation' }>;
  const stage = requireOneOf(ctx, r.stage, ['pre_filing', 'post_filing'] as const, 'route.stage');
  if (stage === 'pre_filing') return { kind, stage };
  const procedure = requireOneOf(ctx, (r as { procedure?: unknown }).procedure, ['ordinary', 'simple'] as const, 'route.procedure');
  return { kind, stage, procedure };
}

function checkOrganisations(req: HandoffRequest, route: HandoffRoute): void {
  const allowed = HANDOFF_ORGANISATIONS[route.kind];
  requireText(ctx, req.source?.orgCode, 'source.orgCode', '移交机关');
  requireText(ctx, req.source.name, 'source.name', '移交机关名称');
  requireText(ctx, req.target?.orgCode, 'target.orgCode', '调解组织');
  requireText(ctx, req.target.name, 'target.name', '调解组织名称');
  requireOneOf(ctx, req.source.kind, allowed.source, 'source.kind');
  requireOneOf(ctx, req.target.kind, allowed.target, 'target.kind');
  if (req.source.orgCode === req.target.orgCode) fail(ctx, 'invalid_command', '移交机关与调解组织不能相同', 'source and target must differ', 'target.orgCode');
  requireText(ctx, req.by?.userId, 'by.userId', '经办人');
  if (req.by.orgCode !== req.source.orgCode) {
    fail(ctx, 'actor_not_permitted', '只有移交机关可以发起移交', `only ${req.source.orgCode} may request this handoff`, 'by.orgCode');
  }
}

function checkTimeLimit(limit: TimeLimit): TimeLimit {
  if (!Number.isInteger(limit?.amount) || limit.amount <= 0) fail(ctx, 'invalid_command', '调解期限无效', 'timeLimit.amount must be a positive integer', 'timeLimit.amount');
  requireOneOf(ctx, limit.unit, ['natural_days', 'working_days'] as const, 'timeLimit.unit');
  if (!hasText(limit.source)) fail(ctx, 'invalid_command', '调解期限须注明依据', 'timeLimit.source must cite its rule', 'timeLimit.source');
  return { ...limit };
}
