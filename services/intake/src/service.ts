import type { DataServiceSpec } from '@yikouban/service-kit';
import { IntakeConfig } from './config/intake.config';
import { intakeDataSourceOptions } from './database/data-source';
import { ThrottlerModule } from '@nestjs/throttler';
import { GrievanceModule } from './grievance/grievance.module';
import { AssignmentCreatedHandler } from './grievance/assignment-created.handler';
import { ClockStartedHandler } from './tracking/clock-started.handler';
import { TrackingModule } from './tracking/tracking.module';
import { DuplicateModule } from './duplicate/duplicate.module';

/** Everything that makes the intake service: config, data, features, event handlers. */
export const intakeService: DataServiceSpec<IntakeConfig> = {
  service: 'intake',
  configClass: IntakeConfig,
  dataSource: (c) => intakeDataSourceOptions(c.databaseUrl),
  features: (c) => [
    // Public endpoints are rate-limited per client address (controllers opt in with ThrottlerGuard).
    ThrottlerModule.forRoot([{ name: 'default', ttl: 60_000, limit: c.requestsPerMinute }]),
    GrievanceModule.register({ keyRing: c.effectivePiiKeys, blindIndexKey: c.effectiveBlindIndexKey }, { repeatWindowDays: c.repeatWindowDays }),
    TrackingModule,
    DuplicateModule,
  ],
  handlers: [AssignmentCreatedHandler, ClockStartedHandler],
};
