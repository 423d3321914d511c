import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/roles';
import { AssignmentQueueArgs, DecideJurisdictionArgs, JurisdictionDisputesArgs, OverrideTriageArgs, ReassignAssignmentArgs } from './dto/workbench.args';
import { JurisdictionDisputeView, TriageDecisionView, WorkbenchAssignmentConnectionView, WorkbenchAssignmentDetailView } from './dto/workbench.views';
import { DECIDERS, DISPUTE_VIEWERS, OPERATORS } from './workbench-roles';
import { WorkbenchDesk } from './workbench-desk.service';

/** 指挥中心: returned and disputed work, reassignment, triage override; jurisdiction decisions (第二十四条). */
@Resolver()
export class CommandCentreResolver {
  constructor(private readonly desk: WorkbenchDesk) {}

  @Allow(...OPERATORS)
  @Query(() => WorkbenchAssignmentConnectionView, { description: '待指挥中心处理：退回待改派、管辖争议 / returned for reassignment, or disputed, in the operator’s region' })
  assignmentQueue(@CurrentPrincipal() p: Principal, @Args() a: AssignmentQueueArgs): Promise<WorkbenchAssignmentConnectionView> {
    return this.desk.queue(p, a);
  }

  @Allow(...OPERATORS)
  @Mutation(() => WorkbenchAssignmentDetailView, { description: '改派退回的交办，答复新的交办 / give a returned assignment to another unit; answers the new one' })
  reassignAssignment(@CurrentPrincipal() p: Principal, @Args() a: ReassignAssignmentArgs): Promise<WorkbenchAssignmentDetailView> {
    return this.desk.reassign(p, a);
  }

  @Allow(...OPERATORS)
  @Mutation(() => TriageDecisionView, { description: '人工调整甄别分流结果，须说明理由 / correct a triage decision, with the reason' })
  overrideTriage(@CurrentPrincipal() p: Principal, @Args() a: OverrideTriageArgs): Promise<TriageDecisionView> {
    return this.desk.overrideTriage(p, a);
  }

  @Allow(...DISPUTE_VIEWERS)
  @Query(() => [JurisdictionDisputeView], { description: '提交本机关决定的管辖争议 / disputes escalated to the caller’s organisation' })
  jurisdictionDisputes(@CurrentPrincipal() p: Principal, @Args() a: JurisdictionDisputesArgs): Promise<JurisdictionDisputeView[]> {
    return this.desk.disputes(p, a);
  }

  @Allow(...DECIDERS)
  @Mutation(() => JurisdictionDisputeView, { description: '决定由谁主办、协办；决定具有约束力 / decide who leads; the decision binds' })
  decideJurisdiction(@CurrentPrincipal() p: Principal, @Args() a: DecideJurisdictionArgs): Promise<JurisdictionDisputeView> {
    return this.desk.decide(p, a);
  }
}
