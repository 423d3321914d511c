import { DynamicModule, Injectable, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Namespace, RpcClient } from '@yikouban/messaging';

export interface RpcModuleOptions {
  natsUrl: string;
  namespace: string;
  timeoutMs: number;
}

/** Connects the shared client when the app starts, so the first query does not pay for it; closes it last. */
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

/** One RpcClient for the whole gateway: every feature asks the other services through it. */
@Module({})
export class RpcModule {
  static forRoot(options: RpcModuleOptions): DynamicModule {
    return {
      module: RpcModule,
      global: true,
      providers: [
        { provide: RpcClient, useFactory: () => new RpcClient(new Namespace(options.namespace), options.natsUrl, 'ykb-gateway-rpc', options.timeoutMs) },
        RpcClientLifecycle,
      ],
      exports: [RpcClient],
    };
  }
}
