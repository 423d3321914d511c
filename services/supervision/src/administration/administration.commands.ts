import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  SupervisionAddCalendarOverride,
  SupervisionDeadlinePolicies,
  SupervisionRemoveCalendarOverride,
  SupervisionRetireLocalDeadlinePolicy,
  SupervisionSaveLocalDeadlinePolicy,
  SupervisionWorkingCalendar,
  type CalendarOverrideView,
  type DeadlinePolicyView,
  type WorkingCalendarView,
} from '@yikouban/contracts';
import { validQuery } from '@yikouban/messaging';
import { CalendarAdministration } from './calendar-admin.service';
import { PolicyAdministration } from './policy-admin.service';

/** Calendar and deadline-policy administration over NATS (the gateway admits administrators only to changes). */
@Controller()
export class AdministrationCommands {
  constructor(
    private readonly calendars: CalendarAdministration,
    private readonly policies: PolicyAdministration,
  ) {}

  @MessagePattern(SupervisionWorkingCalendar.subject)
  async workingCalendar(@Payload() data: unknown): Promise<WorkingCalendarView> {
    return this.calendars.days(await validQuery(SupervisionWorkingCalendar, data));
  }

  @MessagePattern(SupervisionAddCalendarOverride.subject)
  async addOverride(@Payload() data: unknown): Promise<CalendarOverrideView> {
    return this.calendars.add(await validQuery(SupervisionAddCalendarOverride, data));
  }

  @MessagePattern(SupervisionRemoveCalendarOverride.subject)
  async removeOverride(@Payload() data: unknown): Promise<CalendarOverrideView> {
    return this.calendars.remove(await validQuery(SupervisionRemoveCalendarOverride, data));
  }

  @MessagePattern(SupervisionDeadlinePolicies.subject)
  async deadlinePolicies(@Payload() data: unknown): Promise<DeadlinePolicyView[]> {
    return this.policies.list(await validQuery(SupervisionDeadlinePolicies, data));
  }

  @MessagePattern(SupervisionSaveLocalDeadlinePolicy.subject)
  async savePolicy(@Payload() data: unknown): Promise<DeadlinePolicyView> {
    return this.policies.save(await validQuery(SupervisionSaveLocalDeadlinePolicy, data));
  }

  @MessagePattern(SupervisionRetireLocalDeadlinePolicy.subject)
  async retirePolicy(@Payload() data: unknown): Promise<DeadlinePolicyView> {
    return this.policies.retire(await validQuery(SupervisionRetireLocalDeadlinePolicy, data));
  }
}
