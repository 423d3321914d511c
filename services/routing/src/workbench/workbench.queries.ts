import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RoutingAssignmentInbox, RoutingGetAssignment, RoutingListDisputes, RoutingPendingHandovers, type AssignmentPage, type AssignmentView, type DisputeView, type HandoverView } from '@yikouban/contracts';
import { validQuery } from '@yikouban/messaging';
import { WorkbenchReader } from './workbench-reader';

@Controller()
export class WorkbenchQueries {
  constructor(private readonly reader: WorkbenchReader) {}

  @MessagePattern(RoutingAssignmentInbox.subject)
  async inbox(@Payload() data: unknown): Promise<AssignmentPage> {
    return this.reader.inbox(await validQuery(RoutingAssignmentInbox, data));
  }

  @MessagePattern(RoutingGetAssignment.subject)
  async get(@Payload() data: unknown): Promise<AssignmentView> {
    const q = await validQuery(RoutingGetAssignment, data);
    return this.reader.view(q.assignmentId, q.viewerOrgCode);
  }

  @MessagePattern(RoutingListDisputes.subject)
  async disputes(@Payload() data: unknown): Promise<DisputeView[]> {
    return this.reader.disputes(await validQuery(RoutingListDisputes, data));
  }

  @MessagePattern(RoutingPendingHandovers.subject)
  async pendingHandovers(@Payload() data: unknown): Promise<HandoverView[]> {
    return this.reader.pendingHandovers((await validQuery(RoutingPendingHandovers, data)).orgCode);
  }
}
