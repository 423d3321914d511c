import type { INestApplication } from '@nestjs/common';
import type { DataServiceConfig } from '@yikouban/config';
import { runMigrations } from '@yikouban/persistence';
import { createServiceApp, dataServiceModule, prepare, type DataServiceSpec } from '@yikouban/service-kit';

export interface RunningService {
  app: INestApplication;
  url: string;
  close(): Promise<void>;
}

/** Boots a data service in this process against a test database and namespace, on a free port. */
export async function startDataServiceInProcess<C extends DataServiceConfig & { port: number }>(
  spec: DataServiceSpec<C>,
  env: Record<string, string>,
): Promise<RunningService> {
  const { config, logger } = prepare(spec, { NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env });
  await runMigrations(spec.dataSource(config));
  const app = await createServiceApp({ service: spec.service, module: dataServiceModule(spec, config, logger), port: 0, natsUrl: config.natsUrl, namespace: config.namespace, logger });
  await app.startAllMicroservices();
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  return { app, url: url.replace('[::1]', '127.0.0.1'), close: () => app.close() };
}
