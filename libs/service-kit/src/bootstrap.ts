import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { ServiceName } from '@yikouban/contracts';
import { Namespace, NamespacedNatsServer } from '@yikouban/messaging';
import { JsonLogger } from '@yikouban/observability';
import { correlationMiddleware } from './correlation.middleware';
import { ErrorFilter } from './error.filter';
import { strictValidationPipe } from './validation.pipe';

export interface BootstrapOptions {
  service: ServiceName;
  module: Type<unknown> | ReturnType<typeof Object>;
  port: number;
  natsUrl: string;
  namespace: string;
  logger: JsonLogger;
  /** Listen for request/reply queries on NATS (queue group = service name). */
  rpc?: boolean;
  configure?: (app: INestApplication) => void;
}

/**
 * Builds and starts a service the same way everywhere: JSON logs, correlation ids, strict
 * validation, one error shape, health, NATS request/reply, graceful shutdown on SIGTERM/SIGINT.
 */
export async function createServiceApp(o: BootstrapOptions): Promise<INestApplication> {
  const app = await NestFactory.create(o.module as Type<unknown>, { logger: o.logger, bodyParser: true });
  app.use(correlationMiddleware);
  app.useGlobalPipes(strictValidationPipe());
  app.useGlobalFilters(new ErrorFilter(o.logger));
  app.enableShutdownHooks();
  o.configure?.(app);
  if (o.rpc !== false) {
    app.connectMicroservice(
      { strategy: new NamespacedNatsServer(new Namespace(o.namespace), { servers: o.natsUrl.split(','), queue: o.service, name: `ykb-${o.service}-rpc`, gracefulShutdown: true, gracePeriod: 2000 }) },
      { inheritAppConfig: true },
    );
  }
  return app;
}

export async function startServiceApp(app: INestApplication, o: Pick<BootstrapOptions, 'port' | 'logger' | 'service'>): Promise<void> {
  await app.startAllMicroservices();
  await app.listen(o.port, '0.0.0.0');
  o.logger.event('info', `${o.service} listening`, { port: o.port }, 'Bootstrap');
}

/** Entry-point guard: a failure at boot is one clear JSON line and exit code 1. */
export function runMain(service: string, main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    new JsonLogger(service).event('error', 'failed to start', { error: (err as Error)?.message, stack: (err as Error)?.stack }, 'Bootstrap');
    process.exit(1);
  });
}
