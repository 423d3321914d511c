import type { DataServiceSpec } from '@yikouban/service-kit';
import { IntakeConfig } from './config/intake.config';
import { intakeDataSourceOptions } from './database/data-source';
import { GrievanceModule, INTAKE_EVENT_HANDLERS } from './grievance/grievance.module';

/** Everything that makes the intake service: config, data, features, event handlers. */
export const intakeService: DataServiceSpec<IntakeConfig> = {
  service: 'intake',
  configClass: IntakeConfig,
  dataSource: (c) => intakeDataSourceOptions(c.databaseUrl),
  features: (c) => [GrievanceModule.register({ keyRing: c.effectivePiiKeys, blindIndexKey: c.effectiveBlindIndexKey }, { repeatWindowDays: c.repeatWindowDays })],
  handlers: INTAKE_EVENT_HANDLERS,
};
