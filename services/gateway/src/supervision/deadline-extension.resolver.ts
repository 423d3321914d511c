import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  RoutingListAssignments,
  SupervisionDecideDeadlineExtension,
  SupervisionListDeadlineExtensions,
  SupervisionRequestDeadlineExtension,
  type DeadlineExtensionView as Wire,
  type ListDeadlineExtensions,
} from '@yikouban/contracts';
import { RpcClient } from '@yikouban/messaging';
import { DomainError } from '@yikouban/service-kit';
import { Allow } from '../auth/allow.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/roles';
import {
  DecideDeadlineExtensionArgs,
  DeadlineExtensionConnectionView,
  DeadlineExtensionRequestsArgs,
  DeadlineExtensionView,
  RequestDeadlineExtensionArgs,
} from './dto/deadline-extension.dto';
import { staffActor } from './supervision-access';

/** The lead assignment is the unit's own only while it still handles it. */
const HANDLING = ['created', 'accepted', 'in_progress'];

const toView = ({ cursor: _cursor, ...e }: Wire & { cursor?: string }): DeadlineExtensionView => ({
  ...e,
  requestedAt: new Date(e.requestedAt),
  decidedAt: e.decidedAt ? new Date(e.decidedAt) : null,
  previousDueAt: new Date(e.previousDueAt),
  newDueAt: e.newDueAt ? new Date(e.newDueAt) : null,
});

/**
 * Whose requests a caller sees: a unit its own organisation's (from the token, never an argument);
 * a supervisor or leader those of grievances in the account's region subtree.
 */
function extensionScope(p: Principal): Pick<ListDeadlineExtensions, 'orgCode' | 'regionCode'> {
  if (p.role === 'unit_staff') {
    if (!p.orgCode) throw new DomainError('FORBIDDEN', 'no_organisation: 账号未关联单位 / the account belongs to no unit', [{ field: 'orgCode', problems: ['no organisation'] }]);
    return { orgCode: p.orgCode };
  }
  return p.regionCode ? { regionCode: p.regionCode } : {};
}

/** 延期 (第三十四条): the handling unit asks, a supervisor or leader decides. */
@Resolver()
export class DeadlineExtensionResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Allow('unit_staff')
  @Mutation(() => DeadlineExtensionView, { description: '申请延长办理期限（一次，不超过30日）/ ask to extend the handling deadline (once, at most 30 days)' })
  async requestDeadlineExtension(@CurrentPrincipal() p: Principal, @Args() a: RequestDeadlineExtensionArgs): Promise<DeadlineExtensionView> {
    // Only the unit handling the matter as lead asks: the organisation comes from the token.
    const assignments = await this.rpc.request(RoutingListAssignments, { grievanceId: a.grievanceId });
    if (!p.orgCode || !assignments.some((x) => x.role === 'lead' && x.orgCode === p.orgCode && HANDLING.includes(x.status))) {
      throw new DomainError('FORBIDDEN', 'not_handling_unit: 该事项不由本单位主办 / your unit does not handle this grievance as lead', [{ field: 'grievanceId', problems: ['not your assignment'] }]);
    }
    return toView(await this.rpc.request(SupervisionRequestDeadlineExtension, { grievanceId: a.grievanceId, days: a.days, reason: a.reason, by: staffActor(p) }));
  }

  @Allow('supervisor', 'leader', 'unit_staff')
  @Query(() => DeadlineExtensionConnectionView, {
    description: '延期申请列表（督查、领导看本辖区；单位看本单位）/ extension requests, newest first: supervisors and leaders see their region, a unit its own',
  })
  async deadlineExtensionRequests(@CurrentPrincipal() p: Principal, @Args() a: DeadlineExtensionRequestsArgs): Promise<DeadlineExtensionConnectionView> {
    const page = await this.rpc.request(SupervisionListDeadlineExtensions, {
      ...extensionScope(p),
      ...(a.state ? { status: a.state } : {}),
      limit: a.first,
      ...(a.after ? { cursor: a.after } : {}),
    });
    return {
      edges: page.items.map((e) => ({ cursor: e.cursor, node: toView(e) })),
      pageInfo: { hasNextPage: page.nextCursor !== null, endCursor: page.items.at(-1)?.cursor ?? null },
    };
  }

  @Allow('supervisor', 'leader')
  @Mutation(() => DeadlineExtensionView, { description: '批准或驳回延期申请 / approve or refuse an extension request' })
  async decideDeadlineExtension(@CurrentPrincipal() p: Principal, @Args() a: DecideDeadlineExtensionArgs): Promise<DeadlineExtensionView> {
    return toView(await this.rpc.request(SupervisionDecideDeadlineExtension, { requestId: a.requestId, approve: a.approve, ...(a.note ? { note: a.note } : {}), by: staffActor(p) }));
  }
}
