import type { DataServiceSpec } from '@yikouban/service-kit';
import { ClockModule, SUPERVISION_EVENT_HANDLERS } from './clock/clock.module';
import { SupervisionConfig } from './config/supervision.config';
import { supervisionDataSourceOptions } from './database/data-source';

export const supervisionService: DataServiceSpec<SupervisionConfig> = {
  service: 'supervision',
  configClass: SupervisionConfig,
  dataSource: (c) => supervisionDataSourceOptions(c.databaseUrl),
  features: (c) => [ClockModule.register({ sweepIntervalMs: c.sweepIntervalMs })],
  handlers: SUPERVISION_EVENT_HANDLERS,
};
