import { DynamicModule, Injectable, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Namespace } from './naming';
import { RpcClient } from './rpc-client';

export interface RpcClientModuleOptions {
  natsUrl: string;
  namespace: string;
  /** How long a service may take to answer. */
  timeoutMs: number;
  /** The NATS connection's name, as monitoring shows it (`ykb-<service>-rpc`). */
  connectionName: string;
  /** Available to every module of the app, not only to the one importing it. */
  global?: boolean;
}

/**
 * Connects the client as its module initialises — before any event consumer starts
 * (onApplicationBootstrap), so a handler's first question does not pay for it — and closes it on shutdown.
 */
@Injectable()
class RpcClientLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(private readonly client: RpcClient) {}

  async onModuleInit(): Promise<void> {
    await this.client.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}

/** One RpcClient for asking the other services (NATS request/reply in the service's namespace). */
@Module({})
export class RpcClientModule {
  static forRoot(options: RpcClientModuleOptions): DynamicModule {
    return {
      module: RpcClientModule,
      global: options.global ?? false,
      providers: [
        { provide: RpcClient, useFactory: () => new RpcClient(new Namespace(options.namespace), options.natsUrl, options.connectionName, options.timeoutMs) },
        RpcClientLifecycle,
      ],
      exports: [RpcClient],
    };
  }
}
