import { DynamicModule, Module } from '@nestjs/common';
import { AssignmentClosedHandler } from './assignment-closed.handler';
import { AssignmentCreatedHandler } from './assignment-created.handler';
import { ClockQueries } from './clock.queries';
import { ClockSweeper, SWEEP_INTERVAL_MS } from './clock-sweeper';
import { DeadlineExtensionCommands } from './deadline-extension.commands';
import { DeadlineExtensions } from './deadline-extension.service';
import { GrievanceMergedHandler } from './grievance-merged.handler';
import { GrievanceWithdrawnHandler } from './grievance-withdrawn.handler';
import { HandoffAcceptedHandler, HandoffConcludedHandler, HandoffDeclinedHandler, HandoffReturnedHandler, MediationDeadlineSetHandler } from './mediation-clock.handlers';
import { ProfileFromReceivedHandler, ProfileFromTriagedHandler } from './profile.handlers';

export const SUPERVISION_EVENT_HANDLERS = [
  ProfileFromReceivedHandler,
  ProfileFromTriagedHandler,
  AssignmentCreatedHandler,
  GrievanceWithdrawnHandler,
  GrievanceMergedHandler,
  MediationDeadlineSetHandler,
  HandoffAcceptedHandler,
  HandoffDeclinedHandler,
  HandoffConcludedHandler,
  HandoffReturnedHandler,
  AssignmentClosedHandler,
];

@Module({})
export class ClockModule {
  static register(options: { sweepIntervalMs: number }): DynamicModule {
    return {
      module: ClockModule,
      controllers: [ClockQueries, DeadlineExtensionCommands],
      providers: [{ provide: SWEEP_INTERVAL_MS, useValue: options.sweepIntervalMs }, ClockSweeper, DeadlineExtensions, ...SUPERVISION_EVENT_HANDLERS],
      exports: [ClockSweeper],
    };
  }
}

