import type { Provider } from '@nestjs/common';
import type { CalendarOverride } from '@yikouban/calendar';
import { AssignmentStore } from './assignment-store';
import { CommandCentreService } from './command-centre.service';
import { CommandCentreQueries, CommandCentreQueue } from './command-centre-queue';
import { RETURN_CALENDAR, returnCalendar } from './domain/return-window';
import { GrievanceCommands } from './grievance.commands';
import { HandoverService } from './handover.service';
import { JurisdictionDecisionService } from './jurisdiction-decision.service';
import { JurisdictionEscalation } from './jurisdiction-escalation';
import { TriageOverrideService } from './triage-override.service';
import { UnitActionsService } from './unit-actions.service';
import { WorkbenchCommands } from './workbench.commands';
import { WorkbenchQueries } from './workbench.queries';
import { WorkbenchDirectory } from './workbench-directory';
import { WorkbenchReader } from './workbench-reader';

/** The jurisdiction's own corrections to the official calendar: days off and make-up working days. */
export type ReturnCalendarOptions = readonly CalendarOverride[];

export const WORKBENCH_CONTROLLERS = [WorkbenchCommands, GrievanceCommands, WorkbenchQueries, CommandCentreQueries];

/** The workbench's providers; it shares the directory cache and colour policy of the assignment module. */
export function workbenchProviders(calendar: ReturnCalendarOptions = []): Provider[] {
  return [
    { provide: RETURN_CALENDAR, useValue: returnCalendar(calendar) },
    AssignmentStore,
    WorkbenchDirectory,
    WorkbenchReader,
    JurisdictionEscalation,
    UnitActionsService,
    HandoverService,
    CommandCentreService,
    CommandCentreQueue,
    JurisdictionDecisionService,
    TriageOverrideService,
  ];
}
