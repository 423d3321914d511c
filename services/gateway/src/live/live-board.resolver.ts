import { Args, Resolver, Subscription } from '@nestjs/graphql';
import { Allow } from '../auth/allow.decorator';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/roles';
import { AssignmentChange, AssignmentChangedArgs, GrievanceReceivedArgs, LiveGrievance } from './dto/live.types';
import { LiveFeeds } from './live-feeds';
import { ASSIGNMENT_BOARD_ROLES, assignmentScope, GRIEVANCE_BOARD_ROLES, grievanceScope } from './live-scope';

/**
 * Live boards over graphql-ws. The connection signs in at connection_init; each subscription
 * passes the guard (@Allow) and is scoped to the caller's region or unit when it starts.
 */
@Resolver()
export class LiveBoardResolver {
  constructor(private readonly feeds: LiveFeeds) {}

  @Allow(...GRIEVANCE_BOARD_ROLES)
  @Subscription(() => LiveGrievance, {
    description: '新收诉求（实时）/ grievances received from now on, in a region within yours',
    resolve: (item: LiveGrievance) => item,
  })
  grievanceReceived(@Args() args: GrievanceReceivedArgs, @CurrentPrincipal() principal: Principal): AsyncIterableIterator<LiveGrievance> {
    return this.feeds.grievances.subscribe(grievanceScope(principal, args));
  }

  @Allow(...ASSIGNMENT_BOARD_ROLES)
  @Subscription(() => AssignmentChange, {
    description: '交办动态（实时）/ assignments created, accepted, returned, progressed, replied or moved, from now on, in your region or unit',
    resolve: (item: AssignmentChange) => item,
  })
  assignmentChanged(@Args() args: AssignmentChangedArgs, @CurrentPrincipal() principal: Principal): AsyncIterableIterator<AssignmentChange> {
    return this.feeds.assignments.subscribe(assignmentScope(principal, args));
  }
}
