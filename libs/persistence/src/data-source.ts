import { DataSource, type DataSourceOptions, type MixedList, type EntitySchema } from 'typeorm';

export interface ServiceDataSourceOptions {
  url: string;
  /** The service's own schema: every table it owns lives here, and nowhere else. */
  schema: string;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  poolSize?: number;
}

/**
 * One data source definition per service, shared by Nest and the migration command.
 * search_path is the service schema so migrations can use unqualified names; never synchronize.
 */
export function serviceDataSourceOptions(o: ServiceDataSourceOptions): DataSourceOptions {
  if (!/^[a-z][a-z0-9_]*$/.test(o.schema)) throw new Error(`invalid schema name ${o.schema}`);
  return {
    type: 'postgres',
    url: o.url,
    schema: o.schema,
    entities: o.entities,
    migrations: o.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: ['error'],
    extra: { max: o.poolSize ?? 10, options: `-c search_path=${o.schema},public` },
  };
}

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so replicas starting together
 * migrate once. Creates the schema first: the migrations table lives in it.
 */
export async function runMigrations(options: DataSourceOptions & { schema?: string }): Promise<string[]> {
  const ds = new DataSource(options);
  await ds.initialize();
  const runner = ds.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`ykb:migrate:${options.schema}`]);
    try {
      await runner.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
      const applied = await ds.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`ykb:migrate:${options.schema}`]);
    }
  } finally {
    await runner.release();
    await ds.destroy();
  }
}
