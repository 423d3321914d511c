import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator';
import { STAFF_ROLES } from '../auth/role-groups';
import { GrievanceArgs } from './dto/grievance.args';
import { GrievanceView } from './dto/grievance.view';
import { GrievanceLookupService } from './grievance-lookup.service';

@Resolver(() => GrievanceView)
export class GrievanceResolver {
  constructor(private readonly lookup: GrievanceLookupService) {}

  @Allow(...STAFF_ROLES)
  @Query(() => GrievanceView, { nullable: true, description: '按受理编号查询诉求 / a grievance by its tracking code; null when there is none' })
  grievance(@Args() args: GrievanceArgs): Promise<GrievanceView | null> {
    return this.lookup.byTrackingCode(args.trackingCode);
  }
}
