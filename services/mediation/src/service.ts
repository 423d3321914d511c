import type { DataServiceSpec } from '@yikouban/service-kit';
import { MediationConfig } from './config/mediation.config';
import { mediationDataSourceOptions } from './database/data-source';

export const mediationService: DataServiceSpec<MediationConfig> = {
  service: 'mediation',
  configClass: MediationConfig,
  dataSource: (c) => mediationDataSourceOptions(c.databaseUrl),
  features: () => [],
};
