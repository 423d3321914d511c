import { Args, Query, Resolver } from '@nestjs/graphql';
import { SupervisionWorkingCalendar } from '@yikouban/contracts';
import { RpcClient } from '@yikouban/messaging';
import { Allow } from '../auth/allow.decorator';
import { STAFF_ROLES } from '../auth/role-groups';
import { WorkingCalendarArgs, WorkingCalendarView } from './dto/supervision-admin.types';

/** Every staff role reads calendars (deadlines are counted on them); only administrators change them. */
@Resolver()
export class WorkingCalendarResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Allow(...STAFF_ROLES)
  @Query(() => WorkingCalendarView, { description: '辖区工作日历：每天是否工作日及原因 / a jurisdiction’s calendar, each day with why' })
  workingCalendar(@Args() a: WorkingCalendarArgs): Promise<WorkingCalendarView> {
    return this.rpc.request(SupervisionWorkingCalendar, { jurisdiction: a.jurisdiction, from: a.from, to: a.to });
  }
}
