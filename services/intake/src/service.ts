import { DataSource } from 'typeorm';
import type { DataServiceSpec } from '@yikouban/service-kit';
import { Open311Module, seedOpen311DemoKey, type Open311Options } from './open311';
import { IntakeConfig } from './config/intake.config';
import { intakeDataSourceOptions } from './database/data-source';
import { GrievanceModule } from './grievance/grievance.module';
import { AssignmentCreatedHandler } from './grievance/assignment-created.handler';
import { GrievanceTriagedHandler } from './grievance/grievance-triaged.handler';
import { HandoffReturnedHandler } from './grievance/handoff-returned.handler';
import { ClockStartedHandler } from './tracking/clock-started.handler';
import { HANDLING_FACT_HANDLERS } from './tracking/handling-facts.handlers';
import { TrackingModule } from './tracking/tracking.module';
import { DuplicateModule } from './duplicate/duplicate.module';
import { AttachmentModule, type AttachmentModuleOptions } from './attachment';
import { PublicRateLimitModule } from './rate-limit';

/** The intake service's feature modules; tests may replace parts of the Open311 wiring (its catalogue) and the attachment store. */
export function intakeFeatures(c: IntakeConfig, open311?: Partial<Open311Options>, attachments?: AttachmentModuleOptions) {
  return [
    // Public endpoints are rate-limited per endpoint and client address, counted in the database so
    // every replica counts together (controllers opt in with PublicRateLimitGuard).
    PublicRateLimitModule.register({ perMinute: c.requestsPerMinute }),
    GrievanceModule.register({ keyRing: c.effectivePiiKeys, blindIndexKey: c.effectiveBlindIndexKey }, { repeatWindowDays: c.repeatWindowDays, skipLevelPolicy: c.skipLevelPolicy }),
    TrackingModule,
    DuplicateModule,
    AttachmentModule.register(attachments ?? { root: c.attachmentRoot }),
    Open311Module.register({
      natsUrl: c.natsUrl,
      namespace: c.namespace,
      production: c.nodeEnv === 'production',
      regionCode: c.open311RegionCode,
      jurisdictionId: c.open311JurisdictionId,
      pii: { keyRing: c.effectivePiiKeys, blindIndexKey: c.effectiveBlindIndexKey },
      policy: { repeatWindowDays: c.repeatWindowDays, skipLevelPolicy: c.skipLevelPolicy },
      ...open311,
    }),
  ];
}

/** Everything that makes the intake service: config, data, features, event handlers. */
export const intakeService: DataServiceSpec<IntakeConfig> = {
  service: 'intake',
  configClass: IntakeConfig,
  dataSource: (c) => intakeDataSourceOptions(c.databaseUrl),
  features: (c) => intakeFeatures(c),
  handlers: [AssignmentCreatedHandler, ClockStartedHandler, HandoffReturnedHandler, GrievanceTriagedHandler, ...HANDLING_FACT_HANDLERS],
  seed: async (c, logger) => {
    const ds = new DataSource(intakeDataSourceOptions(c.databaseUrl));
    await ds.initialize();
    try {
      if (await seedOpen311DemoKey(ds, c.nodeEnv === 'production')) logger.event('info', 'Open311 demo key seeded', {}, 'Seed');
    } finally {
      await ds.destroy();
    }
  },
};
