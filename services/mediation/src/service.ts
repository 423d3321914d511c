import type { DataServiceSpec } from '@yikouban/service-kit';
import { MediationConfig } from './config/mediation.config';
import { mediationDataSourceOptions } from './database/data-source';
import { seedDemoDirectory } from './directory/demo-seed';
import { DirectoryChangedHandler } from './directory/directory-changed.handler';
import { DirectoryModule } from './directory/directory.module';
import { DirectorySyncModule } from './directory/directory-sync.module';
import { HandoffModule, MEDIATION_EVENT_HANDLERS } from './handoff/handoff.module';
import { StatsModule } from './stats/stats.module';

/** Everything that makes the mediation service: config, data, features, event handlers, demo seed. */
export const mediationService: DataServiceSpec<MediationConfig> = {
  service: 'mediation',
  configClass: MediationConfig,
  dataSource: (c) => mediationDataSourceOptions(c.databaseUrl),
  features: (c) => [DirectoryModule, DirectorySyncModule.register({ natsUrl: c.natsUrl, namespace: c.namespace, timeoutMs: c.routingTimeoutMs }), HandoffModule, StatsModule],
  handlers: [...MEDIATION_EVENT_HANDLERS, DirectoryChangedHandler],
  seed: (c, logger) => seedDemoDirectory(mediationDataSourceOptions(c.databaseUrl), logger),
};
