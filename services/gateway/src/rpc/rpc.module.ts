import { DynamicModule, Module } from '@nestjs/common';
import { RpcClientModule } from '@yikouban/messaging';

export interface RpcModuleOptions {
  natsUrl: string;
  namespace: string;
  timeoutMs: number;
}

/** One RpcClient for the whole gateway: every feature asks the other services through it. */
@Module({})
export class RpcModule {
  static forRoot(options: RpcModuleOptions): DynamicModule {
    return { module: RpcModule, imports: [RpcClientModule.forRoot({ ...options, connectionName: 'ykb-gateway-rpc', global: true })] };
  }
}
