import { DynamicModule, Module } from '@nestjs/common';
import { DirectoryCache } from '../directory/directory-cache';
import { DirectoryQueries } from '../directory/directory.queries';
import { DirectoryRepository } from '../directory/directory.repository';
import { COLOUR_POLICIES, COLOUR_POLICY } from '../triage/colour-policy';
import { AssignmentQueries } from './assignment.queries';
import { GrievanceReceivedHandler } from './grievance-received.handler';

@Module({})
export class AssignmentModule {
  static register(options: { colourPolicy: string }): DynamicModule {
    const colours = COLOUR_POLICIES[options.colourPolicy];
    if (!colours) throw new Error(`unknown colour policy ${options.colourPolicy}`);
    return {
      module: AssignmentModule,
      controllers: [AssignmentQueries, DirectoryQueries],
      providers: [{ provide: COLOUR_POLICY, useValue: colours }, DirectoryRepository, DirectoryCache, GrievanceReceivedHandler],
    };
  }
}

export const ROUTING_EVENT_HANDLERS = [GrievanceReceivedHandler];
