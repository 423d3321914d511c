import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RoutingListAssignments, SupervisionDecideDeadlineExtension, SupervisionRequestDeadlineExtension, type DeadlineExtensionView as Wire } from '@yikouban/contracts';
import { RpcClient } from '@yikouban/messaging';
import { DomainError } from '@yikouban/service-kit';
import { Allow } from '../auth/allow.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/roles';
import { DecideDeadlineExtensionArgs, DeadlineExtensionView, RequestDeadlineExtensionArgs } from './dto/deadline-extension.dto';
import { staffActor } from './supervision-access';

/** The lead assignment is the unit's own only while it still handles it. */
const HANDLING = ['created', 'accepted', 'in_progress'];

const toView = (e: Wire): DeadlineExtensionView => ({
  ...e,
  requestedAt: new Date(e.requestedAt),
  decidedAt: e.decidedAt ? new Date(e.decidedAt) : null,
  previousDueAt: new Date(e.previousDueAt),
  newDueAt: e.newDueAt ? new Date(e.newDueAt) : null,
});

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

  @Allow('supervisor', 'leader')
  @Mutation(() => DeadlineExtensionView, { description: '批准或驳回延期申请 / approve or refuse an extension request' })
  async decideDeadlineExtension(@CurrentPrincipal() p: Principal, @Args() a: DecideDeadlineExtensionArgs): Promise<DeadlineExtensionView> {
    return toView(await this.rpc.request(SupervisionDecideDeadlineExtension, { requestId: a.requestId, approve: a.approve, ...(a.note ? { note: a.note } : {}), by: staffActor(p) }));
  }
}
