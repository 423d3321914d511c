import { Injectable } from '@nestjs/common';
import {
  RoutingAcceptAssignment,
  RoutingAcceptHandover,
  RoutingAssignmentInbox,
  RoutingAssignmentQueue,
  RoutingContributeToReply,
  RoutingDecideJurisdiction,
  RoutingDeclineHandover,
  RoutingDispatchOnSite,
  RoutingGetAssignment,
  RoutingListAssignments,
  RoutingListDisputes,
  RoutingOverrideTriage,
  RoutingPendingHandovers,
  RoutingReassignAssignment,
  RoutingRecordProgress,
  RoutingRedirectGrievance,
  RoutingReplyToGrievance,
  RoutingRequestHandover,
  RoutingReturnAssignment,
  RoutingSetCaseLeader,
} from '@yikouban/contracts';
import { RpcClient } from '@yikouban/messaging';
import type { Principal } from '../auth/roles';
import type { AssignmentView as UnitRefView } from '../grievance/dto/grievance.view';
import { toAssignmentView as toUnitRef } from '../grievance/grievance-view.mapper';
import type {
  AssignmentQueueArgs,
  ContributeToReplyArgs,
  DecideJurisdictionArgs,
  DeclineHandoverArgs,
  DispatchOnSiteArgs,
  JurisdictionDisputesArgs,
  MyAssignmentsArgs,
  OverrideTriageArgs,
  ReassignAssignmentArgs,
  RedirectGrievanceArgs,
  ReplyToAssignmentArgs,
  ReportProgressArgs,
  RequestHandoverArgs,
  ReturnAssignmentArgs,
  SetCaseLeaderArgs,
} from './dto/workbench.args';
import type { HandoverView, JurisdictionDisputeView, RedirectView, TriageDecisionView, WorkbenchAssignmentConnectionView, WorkbenchAssignmentDetailView, WorkbenchAssignmentView } from './dto/workbench.views';
import { actorOf } from './workbench-actor';
import { at, toConnection, toDetailView, toDisputeView, toHandoverView, toRedirectView } from './workbench-view.mapper';

/**
 * The unit's workbench and the command centre's part of it, asked of routing. Every call carries
 * the caller's own unit (never one from the arguments): routing decides, per assignment, whether
 * that unit may see or do it, and refuses with FORBIDDEN otherwise.
 */
@Injectable()
export class WorkbenchDesk {
  constructor(private readonly rpc: RpcClient) {}

  async myAssignments(p: Principal, a: MyAssignmentsArgs): Promise<WorkbenchAssignmentConnectionView> {
    const { orgCode } = actorOf(p);
    const page = await this.rpc.request(RoutingAssignmentInbox, { orgCode, ...(a.status?.length ? { status: a.status } : {}), ...(a.after ? { cursor: a.after } : {}), limit: a.first ?? 20 });
    return toConnection(page);
  }

  async assignment(p: Principal, id: string): Promise<WorkbenchAssignmentDetailView> {
    return toDetailView(await this.rpc.request(RoutingGetAssignment, { assignmentId: id, viewerOrgCode: actorOf(p).orgCode }));
  }

  /** The other units on the same grievance (主办 and 协办), for a unit that may already see the assignment. */
  async otherUnits(a: WorkbenchAssignmentView): Promise<UnitRefView[]> {
    const all = await this.rpc.request(RoutingListAssignments, { grievanceId: a.grievanceId });
    return all.filter((x) => x.id !== a.id).map(toUnitRef);
  }

  async accept(p: Principal, id: string): Promise<WorkbenchAssignmentDetailView> {
    return toDetailView(await this.rpc.request(RoutingAcceptAssignment, { assignmentId: id, by: actorOf(p) }));
  }

  async return(p: Principal, a: ReturnAssignmentArgs): Promise<WorkbenchAssignmentDetailView> {
    return toDetailView(await this.rpc.request(RoutingReturnAssignment, { assignmentId: a.id, reason: a.reason, by: actorOf(p) }));
  }

  async progress(p: Principal, a: ReportProgressArgs): Promise<WorkbenchAssignmentDetailView> {
    return toDetailView(await this.rpc.request(RoutingRecordProgress, { assignmentId: a.id, note: a.note, by: actorOf(p) }));
  }

  async dispatch(p: Principal, a: DispatchOnSiteArgs): Promise<WorkbenchAssignmentDetailView> {
    const arrival = a.expectedArrivalAt.toISOString();
    return toDetailView(await this.rpc.request(RoutingDispatchOnSite, { assignmentId: a.id, team: a.team, expectedArrivalAt: arrival, ...(a.note ? { note: a.note } : {}), by: actorOf(p) }));
  }

  async contribute(p: Principal, a: ContributeToReplyArgs): Promise<WorkbenchAssignmentDetailView> {
    return toDetailView(await this.rpc.request(RoutingContributeToReply, { assignmentId: a.id, text: a.text, by: actorOf(p) }));
  }

  async reply(p: Principal, a: ReplyToAssignmentArgs): Promise<WorkbenchAssignmentDetailView> {
    const { request, facts, reasons, opinion, legalBasis, conclusion } = a.input;
    return toDetailView(await this.rpc.request(RoutingReplyToGrievance, { assignmentId: a.id, letter: { request, facts, reasons, opinion, legalBasis, conclusion }, by: actorOf(p) }));
  }

  async setCaseLeader(p: Principal, a: SetCaseLeaderArgs): Promise<WorkbenchAssignmentDetailView> {
    return toDetailView(await this.rpc.request(RoutingSetCaseLeader, { assignmentId: a.id, leaderName: a.leaderName, leaderTitle: a.leaderTitle, by: actorOf(p) }));
  }

  async requestHandover(p: Principal, a: RequestHandoverArgs): Promise<HandoverView> {
    return toHandoverView(await this.rpc.request(RoutingRequestHandover, { assignmentId: a.id, toOrgCode: a.toUnitCode, reason: a.reason, by: actorOf(p) }));
  }

  async acceptHandover(p: Principal, handoverId: string): Promise<WorkbenchAssignmentDetailView> {
    return toDetailView(await this.rpc.request(RoutingAcceptHandover, { handoverId, by: actorOf(p) }));
  }

  async declineHandover(p: Principal, a: DeclineHandoverArgs): Promise<HandoverView> {
    return toHandoverView(await this.rpc.request(RoutingDeclineHandover, { handoverId: a.handoverId, reason: a.reason, by: actorOf(p) }));
  }

  async pendingHandovers(p: Principal): Promise<HandoverView[]> {
    return (await this.rpc.request(RoutingPendingHandovers, { orgCode: actorOf(p).orgCode })).map(toHandoverView);
  }

  async redirect(p: Principal, a: RedirectGrievanceArgs): Promise<RedirectView> {
    return toRedirectView(await this.rpc.request(RoutingRedirectGrievance, { grievanceId: a.grievanceId, to: a.to, targetOrgCode: a.targetUnitCode, reason: a.reason, by: actorOf(p) }));
  }

  /** The command centre's queue, within the operator's region when their account has one. */
  async queue(p: Principal, a: AssignmentQueueArgs): Promise<WorkbenchAssignmentConnectionView> {
    actorOf(p);
    const page = await this.rpc.request(RoutingAssignmentQueue, {
      ...(a.status?.length ? { status: a.status } : {}),
      ...(p.regionCode ? { regionCode: p.regionCode } : {}),
      ...(a.after ? { cursor: a.after } : {}),
      limit: a.first ?? 20,
    });
    return toConnection(page);
  }

  async reassign(p: Principal, a: ReassignAssignmentArgs): Promise<WorkbenchAssignmentDetailView> {
    return toDetailView(await this.rpc.request(RoutingReassignAssignment, { assignmentId: a.id, toOrgCode: a.toUnitCode, reason: a.reason, by: actorOf(p) }));
  }

  async overrideTriage(p: Principal, a: OverrideTriageArgs): Promise<TriageDecisionView> {
    const t = await this.rpc.request(RoutingOverrideTriage, {
      grievanceId: a.grievanceId,
      ...(a.statutoryPath ? { statutoryPath: a.statutoryPath } : {}),
      ...(a.complexity ? { complexity: a.complexity } : {}),
      ...(a.colour ? { colour: a.colour } : {}),
      reason: a.reason,
      operatorId: p.id,
    });
    return { ...t, decidedAt: at(t.decidedAt) };
  }

  /** Disputes escalated to the caller's own organisation (the common superior or the joint conference office). */
  async disputes(p: Principal, a: JurisdictionDisputesArgs): Promise<JurisdictionDisputeView[]> {
    return (await this.rpc.request(RoutingListDisputes, { orgCode: actorOf(p).orgCode, ...(a.status ? { status: a.status } : {}) })).map(toDisputeView);
  }

  async decide(p: Principal, a: DecideJurisdictionArgs): Promise<JurisdictionDisputeView> {
    return toDisputeView(
      await this.rpc.request(RoutingDecideJurisdiction, { disputeId: a.disputeId, leadOrgCode: a.leadUnitCode, ...(a.coUnitCodes ? { coOrgCodes: a.coUnitCodes } : {}), reason: a.reason, by: actorOf(p) }),
    );
  }
}
