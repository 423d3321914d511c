import { Injectable } from '@nestjs/common';
import {
  MediationActOnHandoff,
  MediationGetHandoff,
  MediationHandoffInbox,
  MediationHandoffsSent,
  MediationRequestHandoff,
  RoutingListAssignments,
  type MediationCommand,
  type MediationHandoffStatus,
} from '@yikouban/contracts';
import { RpcClient } from '@yikouban/messaging';
import { DomainError } from '@yikouban/service-kit';
import type { Principal } from '../auth/roles';
import type { HandoffCommandInput, HandoffInboxArgs, RequestHandoffInput, SentHandoffsArgs } from './dto/handoff.inputs';
import type { HandoffConnectionView, HandoffView } from './dto/handoff.view';
import { toConnection, toHandoffView } from './handoff-view.mapper';
import { actorOf, inboxRoleOf, orgOf, requireSenderOf, viewerOrgOf } from './mediation-access';

/** Assignment statuses in which a unit still holds the petition case. */
const HOLDING = ['created', 'accepted', 'in_progress'];

/** The gateway's side of 四调衔接: scopes every call to the caller's organisation and asks the mediation service. */
@Injectable()
export class MediationDesk {
  constructor(private readonly rpc: RpcClient) {}

  async inbox(p: Principal, a: HandoffInboxArgs): Promise<HandoffConnectionView> {
    const page = await this.rpc.request(MediationHandoffInbox, { orgCode: orgOf(p), role: inboxRoleOf(p, a.as), ...paging(a) });
    return toConnection(page);
  }

  async sent(p: Principal, a: SentHandoffsArgs): Promise<HandoffConnectionView> {
    const page = await this.rpc.request(MediationHandoffsSent, { sourceOrgCode: orgOf(p), ...(a.grievanceId ? { grievanceId: a.grievanceId } : {}), ...paging(a) });
    return toConnection(page);
  }

  async file(p: Principal, id: string): Promise<HandoffView> {
    const viewer = viewerOrgOf(p);
    return toHandoffView(await this.rpc.request(MediationGetHandoff, { handoffId: id, ...(viewer ? { viewerOrgCode: viewer } : {}) }));
  }

  async request(p: Principal, input: RequestHandoffInput): Promise<HandoffView> {
    requireSenderOf(p, input.kind);
    const by = actorOf(p);
    if (p.role === 'unit_staff' && input.grievanceId) await this.requireHolding(by.orgCode, input.grievanceId);
    const { parties, ...rest } = input;
    const view = await this.rpc.request(MediationRequestHandoff, { ...rest, parties: parties.map((x) => ({ ...x })), sourceOrgCode: by.orgCode, by });
    return toHandoffView(view);
  }

  async act(p: Principal, input: HandoffCommandInput, command: MediationCommand): Promise<HandoffView> {
    const view = await this.rpc.request(MediationActOnHandoff, {
      handoffId: input.handoffId,
      by: actorOf(p),
      ...(input.expectedVersion !== undefined ? { expectedVersion: input.expectedVersion } : {}),
      command,
    });
    return toHandoffView(view);
  }

  /** A unit hands over only a petition case it holds (the command centre and the petition bureau oversee every case). */
  private async requireHolding(orgCode: string, grievanceId: string): Promise<void> {
    const assignments = await this.rpc.request(RoutingListAssignments, { grievanceId });
    if (!assignments.some((a) => a.orgCode === orgCode && HOLDING.includes(a.status))) {
      throw new DomainError('FORBIDDEN', `not_holding: 本单位未承办该信访事项 / ${orgCode} does not hold this petition case`, [
        { field: 'input.grievanceId', problems: ['not_holding: the unit holds no open assignment of this petition case'] },
      ]);
    }
  }
}

/** Relay's first/after as the service's limit/cursor. */
function paging(a: { first?: number; after?: string; status?: MediationHandoffStatus[] }): { limit?: number; cursor?: string; status?: MediationHandoffStatus[] } {
  return { ...(a.first !== undefined ? { limit: a.first } : {}), ...(a.after !== undefined ? { cursor: a.after } : {}), ...(a.status?.length ? { status: a.status } : {}) };
}
