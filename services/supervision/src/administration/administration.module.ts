import { Module } from '@nestjs/common';
import { AdministrationCommands } from './administration.commands';
import { CalendarAdministration } from './calendar-admin.service';
import { PolicyAdministration } from './policy-admin.service';
import { ActiveRulesRefresher } from './rules-refresher';

/** Calendar overrides and local deadline policies as stored data, and the snapshot the planner reads. */
@Module({
  controllers: [AdministrationCommands],
  providers: [ActiveRulesRefresher, CalendarAdministration, PolicyAdministration],
})
export class AdministrationModule {}
