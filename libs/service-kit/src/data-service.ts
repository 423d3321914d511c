import type { DynamicModule, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions } from 'typeorm';
import type { ServiceName } from '@yikouban/contracts';
import { ConfigError, loadConfig, type DataServiceConfig } from '@yikouban/config';
import { MessagingModule, type EventHandler } from '@yikouban/messaging';
import { JsonLogger } from '@yikouban/observability';
import { runMigrations } from '@yikouban/persistence';
import { createServiceApp, startServiceApp } from './bootstrap';
import { HealthModule } from './health.module';

export interface DataServiceSpec<C extends DataServiceConfig & { port: number }> {
  service: ServiceName;
  configClass: new () => C;
  dataSource: (config: C) => DataSourceOptions;
  /** The service's feature modules, built from its config. */
  features: (config: C) => (Type<unknown> | DynamicModule)[];
  handlers?: Type<EventHandler<object>>[];
  /** Demo data, run at every development start: adds what is missing and never overwrites a row that exists. */
  seed?: (config: C, logger: JsonLogger) => Promise<void>;
  /**
   * Apply event batches one at a time across all this service's consumers (and replicas), for a
   * service whose handlers share hot rows such as counters; see EventConsumerOptions.batchLock.
   */
  serializeEventHandling?: boolean;
}

/** The module every data service runs: its database, its messaging, its health, its features. */
export function dataServiceModule<C extends DataServiceConfig & { port: number }>(spec: DataServiceSpec<C>, config: C, logger: JsonLogger): DynamicModule {
  class ServiceRootModule {}
  Object.defineProperty(ServiceRootModule, 'name', { value: `${spec.service}RootModule` });
  return {
    module: ServiceRootModule,
    imports: [
      TypeOrmModule.forRoot({ ...spec.dataSource(config), migrationsRun: false }),
      MessagingModule.forService({ service: spec.service, natsUrl: config.natsUrl, namespace: config.namespace, logger, outbox: true, handlers: spec.handlers, streamReplicas: config.streamReplicas,
        consumer: { ackWaitMs: config.ackWaitMs, pauseBeforeAckMs: config.faultPauseBeforeAckMs, batchLock: spec.serializeEventHandling ? `${spec.service}:events` : undefined },
        relay: { pauseBeforePublishMs: config.faultPauseBeforePublishMs, pauseBeforeMarkSentMs: config.faultPauseBeforeMarkSentMs } }),
      HealthModule.register(),
      ...spec.features(config),
    ],
  };
}

/** Parses the config and builds the logger; a bad environment fails here with every problem listed. */
export function prepare<C extends DataServiceConfig & { port: number }>(spec: DataServiceSpec<C>, env: NodeJS.ProcessEnv = process.env): { config: C; logger: JsonLogger } {
  const config = loadConfig(spec.configClass, env);
  return { config, logger: new JsonLogger(spec.service, config.logLevel) };
}

/** main(): config → migrations (under an advisory lock) → app → listen. */
export async function runDataService<C extends DataServiceConfig & { port: number }>(spec: DataServiceSpec<C>): Promise<void> {
  const { config, logger } = prepare(spec);
  const applied = await runMigrations(spec.dataSource(config));
  if (applied.length) logger.event('info', 'migrations applied', { applied }, 'Migrations');
  const app = await createServiceApp({ service: spec.service, module: dataServiceModule(spec, config, logger), port: config.port, natsUrl: config.natsUrl, namespace: config.namespace, logger });
  await startServiceApp(app, { port: config.port, logger, service: spec.service });
}

/** cli: `migrate` or `seed` (seed migrates first). */
export async function runDataServiceCommand<C extends DataServiceConfig & { port: number }>(spec: DataServiceSpec<C>, command: string): Promise<void> {
  const { config, logger } = prepare(spec);
  if (command !== 'migrate' && command !== 'seed') throw new ConfigError([`unknown command ${command} (use migrate or seed)`]);
  const applied = await runMigrations(spec.dataSource(config));
  logger.event('info', applied.length ? 'migrations applied' : 'schema up to date', { applied }, 'Migrations');
  if (command === 'seed' && spec.seed) await spec.seed(config, logger);
}
