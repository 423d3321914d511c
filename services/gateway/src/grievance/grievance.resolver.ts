import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator';
import { STAFF_ROLES } from '../auth/role-groups';
import { GrievanceArgs } from './dto/grievance.args';
import { GrievanceTriageView } from './dto/grievance-triage.view';
import { GrievanceView } from './dto/grievance.view';
import { GrievanceLookupService } from './grievance-lookup.service';

@Resolver(() => GrievanceView)
export class GrievanceResolver {
  constructor(private readonly lookup: GrievanceLookupService) {}

  @Allow(...STAFF_ROLES)
  @Query(() => GrievanceView, { nullable: true, description: '按受理编号查询诉求 / a grievance by its tracking code; null when there is none' })
  grievance(@Args() args: GrievanceArgs, @Context() context: object): Promise<GrievanceView | null> {
    return this.lookup.byTrackingCode(args.trackingCode, context);
  }

  @Allow(...STAFF_ROLES)
  @ResolveField(() => GrievanceTriageView, { nullable: true, description: '甄别分流与四色预警（尚未甄别时为空） / the triage in force and its warning colour; null until routing has triaged it' })
  triage(@Parent() view: GrievanceView, @Context() context: object): Promise<GrievanceTriageView | null> {
    return this.lookup.triageOf(view.grievanceId, context);
  }
}
