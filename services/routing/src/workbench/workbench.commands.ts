import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  RoutingAcceptAssignment,
  RoutingAcceptHandover,
  RoutingContributeToReply,
  RoutingDeclineHandover,
  RoutingDispatchOnSite,
  RoutingReassignAssignment,
  RoutingRecordProgress,
  RoutingReplyToGrievance,
  RoutingRequestHandover,
  RoutingReturnAssignment,
  RoutingSetCaseLeader,
  type AssignmentView,
  type HandoverView,
} from '@yikouban/contracts';
import { validQuery } from '@yikouban/messaging';
import { CommandCentreService } from './command-centre.service';
import { HandoverService } from './handover.service';
import { UnitActionsService } from './unit-actions.service';

/** The unit's workbench over NATS request/reply; the gateway exposes these, scoped to the caller's unit. */
@Controller()
export class WorkbenchCommands {
  constructor(
    private readonly units: UnitActionsService,
    private readonly handovers: HandoverService,
    private readonly centre: CommandCentreService,
  ) {}

  @MessagePattern(RoutingAcceptAssignment.subject)
  async accept(@Payload() data: unknown): Promise<AssignmentView> {
    return this.units.accept(await validQuery(RoutingAcceptAssignment, data));
  }

  @MessagePattern(RoutingReturnAssignment.subject)
  async return(@Payload() data: unknown): Promise<AssignmentView> {
    return this.units.return(await validQuery(RoutingReturnAssignment, data));
  }

  @MessagePattern(RoutingRecordProgress.subject)
  async progress(@Payload() data: unknown): Promise<AssignmentView> {
    return this.units.progress(await validQuery(RoutingRecordProgress, data));
  }

  @MessagePattern(RoutingDispatchOnSite.subject)
  async dispatch(@Payload() data: unknown): Promise<AssignmentView> {
    return this.units.dispatch(await validQuery(RoutingDispatchOnSite, data));
  }

  @MessagePattern(RoutingContributeToReply.subject)
  async contribute(@Payload() data: unknown): Promise<AssignmentView> {
    return this.units.contribute(await validQuery(RoutingContributeToReply, data));
  }

  @MessagePattern(RoutingReplyToGrievance.subject)
  async reply(@Payload() data: unknown): Promise<AssignmentView> {
    return this.units.reply(await validQuery(RoutingReplyToGrievance, data));
  }

  @MessagePattern(RoutingSetCaseLeader.subject)
  async setCaseLeader(@Payload() data: unknown): Promise<AssignmentView> {
    return this.units.setCaseLeader(await validQuery(RoutingSetCaseLeader, data));
  }

  @MessagePattern(RoutingReassignAssignment.subject)
  async reassign(@Payload() data: unknown): Promise<AssignmentView> {
    return this.centre.reassign(await validQuery(RoutingReassignAssignment, data));
  }

  @MessagePattern(RoutingRequestHandover.subject)
  async requestHandover(@Payload() data: unknown): Promise<HandoverView> {
    return this.handovers.request(await validQuery(RoutingRequestHandover, data));
  }

  @MessagePattern(RoutingAcceptHandover.subject)
  async acceptHandover(@Payload() data: unknown): Promise<AssignmentView> {
    return this.handovers.accept(await validQuery(RoutingAcceptHandover, data));
  }

  @MessagePattern(RoutingDeclineHandover.subject)
  async declineHandover(@Payload() data: unknown): Promise<HandoverView> {
    return this.handovers.decline(await validQuery(RoutingDeclineHandover, data));
  }
}
