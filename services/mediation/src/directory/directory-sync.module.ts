import { DynamicModule, Injectable, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Namespace, RpcClient } from '@yikouban/messaging';
import { DirectoryChangedHandler } from './directory-changed.handler';
import { DirectoryModule } from './directory.module';

export interface DirectorySyncOptions {
  natsUrl: string;
  namespace: string;
  /** How long routing may take to answer before the fact is redelivered. */
  timeoutMs: number;
}

/** Connects the client before the consumers start (onApplicationBootstrap); closes it on shutdown. */
@Injectable()
class RoutingClientLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(private readonly client: RpcClient) {}

  async onModuleInit(): Promise<void> {
    await this.client.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}

/** Mediation follows routing's directory: the `routing.directory.changed` consumer and its client to routing. */
@Module({})
export class DirectorySyncModule {
  static register(options: DirectorySyncOptions): DynamicModule {
    return {
      module: DirectorySyncModule,
      imports: [DirectoryModule],
      providers: [
        { provide: RpcClient, useFactory: () => new RpcClient(new Namespace(options.namespace), options.natsUrl, 'ykb-mediation-rpc', options.timeoutMs) },
        RoutingClientLifecycle,
        DirectoryChangedHandler,
      ],
    };
  }
}
