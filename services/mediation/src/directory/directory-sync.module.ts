import { DynamicModule, Module } from '@nestjs/common';
import { RpcClientModule } from '@yikouban/messaging';
import { DirectoryChangedHandler } from './directory-changed.handler';
import { DirectoryModule } from './directory.module';

export interface DirectorySyncOptions {
  natsUrl: string;
  namespace: string;
  /** How long routing may take to answer before the fact is redelivered. */
  timeoutMs: number;
}

/** Mediation follows routing's directory: the `routing.directory.changed` consumer and its client to routing. */
@Module({})
export class DirectorySyncModule {
  static register(options: DirectorySyncOptions): DynamicModule {
    return {
      module: DirectorySyncModule,
      imports: [DirectoryModule, RpcClientModule.forRoot({ ...options, connectionName: 'ykb-mediation-rpc' })],
      providers: [DirectoryChangedHandler],
      exports: [DirectoryChangedHandler],
    };
  }
}
