import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/roles';
import { AssignmentView as UnitRefView } from '../grievance/dto/grievance.view';
import {
  AssignmentIdArgs,
  ContributeToReplyArgs,
  DeclineHandoverArgs,
  DispatchOnSiteArgs,
  HandoverIdArgs,
  MyAssignmentsArgs,
  RedirectGrievanceArgs,
  ReplyToAssignmentArgs,
  ReportProgressArgs,
  RequestHandoverArgs,
  ReturnAssignmentArgs,
  SetCaseLeaderArgs,
} from './dto/workbench.args';
import { HandoverView, RedirectView, WorkbenchAssignmentConnectionView, WorkbenchAssignmentDetailView, WorkbenchAssignmentView } from './dto/workbench.views';
import { ASSIGNMENT_VIEWERS, REDIRECTORS, UNIT_ROLES } from './workbench-roles';
import { WorkbenchDesk } from './workbench-desk.service';

/** 承办单位工作台: the signed-in unit's inbox and what it does with an assignment (签收、退回、办理、答复…). */
@Resolver(() => WorkbenchAssignmentView)
export class UnitWorkbenchResolver {
  constructor(private readonly desk: WorkbenchDesk) {}

  @Allow(...UNIT_ROLES)
  @Query(() => WorkbenchAssignmentConnectionView, { description: '本单位的交办事项（收件箱），按交办时间倒序 / the signed-in unit’s assignments, newest first' })
  myAssignments(@CurrentPrincipal() p: Principal, @Args() a: MyAssignmentsArgs): Promise<WorkbenchAssignmentConnectionView> {
    return this.desk.myAssignments(p, a);
  }

  @Allow(...ASSIGNMENT_VIEWERS)
  @Query(() => WorkbenchAssignmentDetailView, { description: '一件交办事项及其办理记录；仅本单位、同案单位与指挥中心可看 / one assignment with its record' })
  assignment(@CurrentPrincipal() p: Principal, @Args() a: AssignmentIdArgs): Promise<WorkbenchAssignmentDetailView> {
    return this.desk.assignment(p, a.id);
  }

  @Allow(...UNIT_ROLES)
  @Query(() => [HandoverView], { description: '本单位发出或收到、待答复的移交申请 / handovers awaiting an answer, to or from the unit' })
  myPendingHandovers(@CurrentPrincipal() p: Principal): Promise<HandoverView[]> {
    return this.desk.pendingHandovers(p);
  }

  @Allow(...ASSIGNMENT_VIEWERS)
  @ResolveField(() => [UnitRefView], { description: '同一事项的其他承办单位（主办、协办） / the other units on the same grievance' })
  otherUnits(@Parent() a: WorkbenchAssignmentView): Promise<UnitRefView[]> {
    return this.desk.otherUnits(a);
  }

  @Allow(...UNIT_ROLES)
  @Mutation(() => WorkbenchAssignmentDetailView, { description: '签收 / accept the assignment' })
  acceptAssignment(@CurrentPrincipal() p: Principal, @Args() a: AssignmentIdArgs): Promise<WorkbenchAssignmentDetailView> {
    return this.desk.accept(p, a.id);
  }

  @Allow(...UNIT_ROLES)
  @Mutation(() => WorkbenchAssignmentDetailView, { description: '退回：交办有误，须说明理由，交办后5个工作日内（第二十三条） / return as misrouted, with the reason' })
  returnAssignment(@CurrentPrincipal() p: Principal, @Args() a: ReturnAssignmentArgs): Promise<WorkbenchAssignmentDetailView> {
    return this.desk.return(p, a);
  }

  @Allow(...UNIT_ROLES)
  @Mutation(() => WorkbenchAssignmentDetailView, { description: '记录办理进展 / record progress' })
  reportProgress(@CurrentPrincipal() p: Principal, @Args() a: ReportProgressArgs): Promise<WorkbenchAssignmentDetailView> {
    return this.desk.progress(p, a);
  }

  @Allow(...UNIT_ROLES)
  @Mutation(() => WorkbenchAssignmentDetailView, { description: '外送服务：急事派员到现场 / send a team on site (urgent matters)' })
  dispatchOnSite(@CurrentPrincipal() p: Principal, @Args() a: DispatchOnSiteArgs): Promise<WorkbenchAssignmentDetailView> {
    return this.desk.dispatch(p, a);
  }

  @Allow(...UNIT_ROLES)
  @Mutation(() => WorkbenchAssignmentDetailView, { description: '协办单位提出答复意见 / a co-unit’s text for the lead’s reply' })
  contributeToReply(@CurrentPrincipal() p: Principal, @Args() a: ContributeToReplyArgs): Promise<WorkbenchAssignmentDetailView> {
    return this.desk.contribute(p, a);
  }

  @Allow(...UNIT_ROLES)
  @Mutation(() => WorkbenchAssignmentDetailView, { description: '主办单位出具信访处理意见书 / the lead unit replies' })
  replyToAssignment(@CurrentPrincipal() p: Principal, @Args() a: ReplyToAssignmentArgs): Promise<WorkbenchAssignmentDetailView> {
    return this.desk.reply(p, a);
  }

  @Allow(...UNIT_ROLES)
  @Mutation(() => WorkbenchAssignmentDetailView, { description: '包案：领导亲自负责 / a leader takes personal charge of the case' })
  setCaseLeader(@CurrentPrincipal() p: Principal, @Args() a: SetCaseLeaderArgs): Promise<WorkbenchAssignmentDetailView> {
    return this.desk.setCaseLeader(p, a);
  }

  @Allow(...UNIT_ROLES)
  @Mutation(() => HandoverView, { description: '首接负责制：请另一单位接手，答复前仍由本单位负责 / ask another unit to take the case' })
  requestHandover(@CurrentPrincipal() p: Principal, @Args() a: RequestHandoverArgs): Promise<HandoverView> {
    return this.desk.requestHandover(p, a);
  }

  @Allow(...UNIT_ROLES)
  @Mutation(() => WorkbenchAssignmentDetailView, { description: '接收移交 / take over the case' })
  acceptHandover(@CurrentPrincipal() p: Principal, @Args() a: HandoverIdArgs): Promise<WorkbenchAssignmentDetailView> {
    return this.desk.acceptHandover(p, a.handoverId);
  }

  @Allow(...UNIT_ROLES)
  @Mutation(() => HandoverView, { description: '拒绝移交 / decline the handover' })
  declineHandover(@CurrentPrincipal() p: Principal, @Args() a: DeclineHandoverArgs): Promise<HandoverView> {
    return this.desk.declineHandover(p, a);
  }

  @Allow(...REDIRECTORS)
  @Mutation(() => RedirectView, { description: '导入法定途径：交调解组织、法院、检察院、公安、仲裁或行政机关 / hand the case to a statutory body' })
  redirectGrievance(@CurrentPrincipal() p: Principal, @Args() a: RedirectGrievanceArgs): Promise<RedirectView> {
    return this.desk.redirect(p, a);
  }
}

/** The same field on the detail type, which GraphQL sees as a type of its own. */
@Resolver(() => WorkbenchAssignmentDetailView)
export class WorkbenchAssignmentDetailResolver {
  constructor(private readonly desk: WorkbenchDesk) {}

  @Allow(...ASSIGNMENT_VIEWERS)
  @ResolveField(() => [UnitRefView], { description: '同一事项的其他承办单位（主办、协办） / the other units on the same grievance' })
  otherUnits(@Parent() a: WorkbenchAssignmentView): Promise<UnitRefView[]> {
    return this.desk.otherUnits(a);
  }
}
