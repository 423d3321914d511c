import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '@yikouban/config';
import { JsonLogger } from '@yikouban/observability';
import { runMigrations } from '@yikouban/persistence';
import { runMain } from '@yikouban/service-kit';
import { GatewayConfig } from './config/gateway.config';
import { gatewayDataSourceOptions } from './database/data-source';
import { seedDemoIdentities } from './identity/seed-demo-identities';

/** `migrate` or `seed` (seed migrates first, then creates the demo users and API client outside production). */
async function command(name: string): Promise<void> {
  if (name !== 'migrate' && name !== 'seed') throw new ConfigError([`unknown command ${name} (use migrate or seed)`]);
  const config = loadConfig(GatewayConfig);
  const logger = new JsonLogger('gateway', config.logLevel);
  const options = gatewayDataSourceOptions(config.databaseUrl);
  const applied = await runMigrations(options);
  logger.event('info', applied.length ? 'migrations applied' : 'schema up to date', { applied }, 'Migrations');
  if (name !== 'seed') return;
  const db = new DataSource(options);
  await db.initialize();
  try {
    await seedDemoIdentities(db, config.nodeEnv === 'production', logger);
  } finally {
    await db.destroy();
  }
}

runMain('gateway', () => command(process.argv[2] ?? 'migrate').then(() => process.exit(0)));
