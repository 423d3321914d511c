import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator';
import { STAFF_ROLES } from '../auth/role-groups';
import { GrievanceTriageView } from '../grievance/dto/grievance-triage.view';
import { AssignmentView, DeadlineView, type GrievanceView } from '../grievance/dto/grievance.view';
import { GrievanceLookupService } from '../grievance/grievance-lookup.service';
import { GrievanceRecordView } from './dto/intake.views';
import { toSummary } from './intake-view.mapper';

/**
 * Routing's lead unit and triage and supervision's deadlines on every grievance record (the staff
 * list and grievanceById). Each field goes through the lookup's per-operation DataLoaders, so a page
 * of N records costs one call per routing query and one to supervision, however many fields ask.
 */
@Resolver(() => GrievanceRecordView)
export class GrievanceRecordFieldsResolver {
  constructor(private readonly lookup: GrievanceLookupService) {}

  @Allow(...STAFF_ROLES)
  @ResolveField(() => AssignmentView, { nullable: true, description: '主办单位 / the unit that leads the handling, if assigned' })
  async leadUnit(@Parent() record: GrievanceRecordView, @Context() context: object): Promise<AssignmentView | null> {
    return (await this.viewOf(record, context)).leadUnit;
  }

  @Allow(...STAFF_ROLES)
  @ResolveField(() => DeadlineView, { nullable: true, description: '最近的办理时限 / the earliest-due deadline still counting (running, paused or breached), if any' })
  async deadline(@Parent() record: GrievanceRecordView, @Context() context: object): Promise<DeadlineView | null> {
    return (await this.viewOf(record, context)).deadline;
  }

  @Allow(...STAFF_ROLES)
  @ResolveField(() => [DeadlineView], { description: '全部未停止的时限 (最早到期在前) / every deadline still counting, earliest first' })
  async deadlines(@Parent() record: GrievanceRecordView, @Context() context: object): Promise<DeadlineView[]> {
    return (await this.viewOf(record, context)).deadlines;
  }

  @Allow(...STAFF_ROLES)
  @ResolveField(() => GrievanceTriageView, { nullable: true, description: '甄别分流与四色预警（尚未甄别时为空） / the triage in force and its warning colour; null until routing has triaged it' })
  triage(@Parent() record: GrievanceRecordView, @Context() context: object): Promise<GrievanceTriageView | null> {
    return this.lookup.triageOf(record.id, context);
  }

  private viewOf(record: GrievanceRecordView, context: object): Promise<GrievanceView> {
    return this.lookup.viewOf(toSummary(record), context);
  }
}
