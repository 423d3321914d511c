import type { DataServiceSpec } from '@yikouban/service-kit';
import { MediationConfig } from './config/mediation.config';
import { mediationDataSourceOptions } from './database/data-source';
import { seedDemoDirectory } from './directory/demo-seed';
import { DirectoryModule } from './directory/directory.module';
import { HandoffModule, MEDIATION_EVENT_HANDLERS } from './handoff/handoff.module';
import { StatsModule } from './stats/stats.module';

/** Everything that makes the mediation service: config, data, features, event handlers, demo seed. */
export const mediationService: DataServiceSpec<MediationConfig> = {
  service: 'mediation',
  configClass: MediationConfig,
  dataSource: (c) => mediationDataSourceOptions(c.databaseUrl),
  features: () => [DirectoryModule, HandoffModule, StatsModule],
  handlers: MEDIATION_EVENT_HANDLERS,
  seed: (c, logger) => seedDemoDirectory(mediationDataSourceOptions(c.databaseUrl), logger),
};
