import 'reflect-metadata';
import { loadConfig } from '@yikouban/config';
import { JsonLogger } from '@yikouban/observability';
import { runMigrations } from '@yikouban/persistence';
import { createServiceApp, runMain, startServiceApp } from '@yikouban/service-kit';
import { AppModule } from './app.module';
import { GatewayConfig } from './config/gateway.config';
import { gatewayDataSourceOptions } from './database/data-source';

async function main(): Promise<void> {
  // A bad environment throws ConfigError here; runMain logs every problem and exits 1.
  const config = loadConfig(GatewayConfig);
  const logger = new JsonLogger('gateway', config.logLevel);
  // Replicas starting together migrate once: runMigrations holds an advisory lock.
  const applied = await runMigrations(gatewayDataSourceOptions(config.databaseUrl));
  if (applied.length) logger.event('info', 'migrations applied', { applied }, 'Migrations');
  const app = await createServiceApp({ service: 'gateway', module: AppModule.forRoot(config, logger), port: config.port, natsUrl: config.natsUrl, namespace: config.namespace, logger, rpc: false });
  await startServiceApp(app, { port: config.port, logger, service: 'gateway' });
}

runMain('gateway', main);
