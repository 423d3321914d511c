import { DynamicModule, Module } from '@nestjs/common';
import { AssignmentCreatedHandler } from './assignment-created.handler';
import { ClockQueries } from './clock.queries';
import { ClockSweeper, SWEEP_INTERVAL_MS } from './clock-sweeper';
import { GrievanceWithdrawnHandler } from './grievance-withdrawn.handler';

@Module({})
export class ClockModule {
  static register(options: { sweepIntervalMs: number }): DynamicModule {
    return {
      module: ClockModule,
      controllers: [ClockQueries],
      providers: [{ provide: SWEEP_INTERVAL_MS, useValue: options.sweepIntervalMs }, ClockSweeper, AssignmentCreatedHandler, GrievanceWithdrawnHandler],
      exports: [ClockSweeper],
    };
  }
}

export const SUPERVISION_EVENT_HANDLERS = [AssignmentCreatedHandler, GrievanceWithdrawnHandler];
