import { DynamicModule, Module } from '@nestjs/common';
import { ADMINISTRATION_CONTROLLERS, ADMINISTRATION_PROVIDERS } from '../administration/administration.queries';
import { DIRECTORY_ADMINISTRATION_CONTROLLERS, DIRECTORY_ADMINISTRATION_PROVIDERS } from '../directory/directory-administration.queries';
import { CLASSIFIER_CONTROLLERS, CLASSIFIER_PROVIDERS } from '../classifier/category-suggest.queries';
import { DirectoryCache } from '../directory/directory-cache';
import { DirectoryChangeListener } from '../directory/directory-change-listener';
import { DirectoryQueries } from '../directory/directory.queries';
import { DirectoryRepository } from '../directory/directory.repository';
import { COLOUR_POLICIES, COLOUR_POLICY } from '../triage/colour-policy';
import { TriageQueries } from '../triage/triage.queries';
import { HandoffReturnedHandler } from '../workbench/handoff-returned.handler';
import { WORKBENCH_CONTROLLERS, workbenchProviders, type ReturnCalendarOptions } from '../workbench/workbench.providers';
import { AssignmentQueries } from './assignment.queries';
import { GrievanceReceivedHandler } from './grievance-received.handler';

@Module({})
export class AssignmentModule {
  /** `returnCalendar`: the jurisdiction's own days off and make-up days for the 5-working-day return window. */
  static register(options: { colourPolicy: string; returnCalendar?: ReturnCalendarOptions }): DynamicModule {
    const colours = COLOUR_POLICIES[options.colourPolicy];
    if (!colours) throw new Error(`unknown colour policy ${options.colourPolicy}`);
    return {
      module: AssignmentModule,
      controllers: [AssignmentQueries, DirectoryQueries, TriageQueries, ...WORKBENCH_CONTROLLERS, ...ADMINISTRATION_CONTROLLERS, ...DIRECTORY_ADMINISTRATION_CONTROLLERS, ...CLASSIFIER_CONTROLLERS],
      providers: [{ provide: COLOUR_POLICY, useValue: colours }, DirectoryRepository, DirectoryCache, DirectoryChangeListener, ...ROUTING_EVENT_HANDLERS, ...workbenchProviders(options.returnCalendar), ...ADMINISTRATION_PROVIDERS, ...DIRECTORY_ADMINISTRATION_PROVIDERS, ...CLASSIFIER_PROVIDERS],
    };
  }
}

export const ROUTING_EVENT_HANDLERS = [GrievanceReceivedHandler, HandoffReturnedHandler];
