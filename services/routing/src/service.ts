import type { DataServiceSpec } from '@yikouban/service-kit';
import { AssignmentModule, ROUTING_EVENT_HANDLERS } from './assignment/assignment.module';
import { RoutingConfig } from './config/routing.config';
import { routingDataSourceOptions } from './database/data-source';
import { seedDemoCounty } from './seed/demo-seed';

export const routingService: DataServiceSpec<RoutingConfig> = {
  service: 'routing',
  configClass: RoutingConfig,
  dataSource: (c) => routingDataSourceOptions(c.databaseUrl),
  features: (c) => [AssignmentModule.register({ colourPolicy: c.colourPolicy })],
  handlers: ROUTING_EVENT_HANDLERS,
  seed: (c, logger) => seedDemoCounty(routingDataSourceOptions(c.databaseUrl), logger),
};
