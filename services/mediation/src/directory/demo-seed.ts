import { DataSource, type DataSourceOptions } from 'typeorm';
import type { JsonLogger } from '@yikouban/observability';
import { DEMO_MEDIATION_ORGANISATIONS, DEMO_MEDIATORS } from './demo-directory';
import { insertMissingDirectory } from './directory.repository';

/** Loads the demo county's mediation directory: adds what is missing, never overwrites (safe at every start). */
export async function seedDemoDirectory(options: DataSourceOptions, logger: JsonLogger): Promise<void> {
  const db = new DataSource(options);
  await db.initialize();
  try {
    await db.transaction((tx) => insertMissingDirectory(tx, DEMO_MEDIATION_ORGANISATIONS, DEMO_MEDIATORS));
    logger.event('info', 'mediation directory seeded', { organisations: DEMO_MEDIATION_ORGANISATIONS.length, mediators: DEMO_MEDIATORS.length }, 'Seed');
  } finally {
    await db.destroy();
  }
}
