import type { DataServiceSpec } from '@yikouban/service-kit';
import { AdministrationModule } from './administration/administration.module';
import { AFTERCARE_EVENT_HANDLERS, AftercareModule } from './aftercare/aftercare.module';
import { BulletinModule } from './bulletin/bulletin.module';
import { ClockModule, SUPERVISION_EVENT_HANDLERS } from './clock/clock.module';
import { SupervisionConfig } from './config/supervision.config';
import { supervisionDataSourceOptions } from './database/data-source';
import { EarlyWarningModule } from './early-warning/early-warning.module';
import { INDICATOR_EVENT_HANDLERS, IndicatorsModule } from './indicators/indicators.module';
import { PublicEvaluationModule } from './public-evaluation/public-evaluation.module';
import { ReceptionModule } from './reception/reception.module';
import { OversightModule } from './oversight/oversight.module';

export const supervisionService: DataServiceSpec<SupervisionConfig> = {
  service: 'supervision',
  configClass: SupervisionConfig,
  dataSource: (c) => supervisionDataSourceOptions(c.databaseUrl, c.effectivePiiKeys),
  features: (c) => [ClockModule.register({ sweepIntervalMs: c.sweepIntervalMs }), AftercareModule, IndicatorsModule, ReceptionModule.register({ piiKeyRing: c.effectivePiiKeys }), PublicEvaluationModule, OversightModule, EarlyWarningModule, BulletinModule.register({ intervalMs: c.bulletinIntervalMs }), AdministrationModule],
  handlers: [...SUPERVISION_EVENT_HANDLERS, ...AFTERCARE_EVENT_HANDLERS, ...INDICATOR_EVENT_HANDLERS],
  // Every fact moves the case projection and the backlog/indicator counters: batches of different
  // consumers would lock those rows in differing orders and deadlock under load.
  serializeEventHandling: true,
};
