import { Module, type DynamicModule } from '@nestjs/common';
import { LedgerIdentity } from './ledger-identity';
import { LedgerReveal } from './ledger-reveal';
import { ReceptionCommands } from './reception.commands';
import { ReceptionService } from './reception.service';

/** 领导接访: the rota with its legal advisers (1+1), appointments and the reception ledger (its personal information encrypted). */
@Module({})
export class ReceptionModule {
  static register(options: { piiKeyRing: string }): DynamicModule {
    return {
      module: ReceptionModule,
      controllers: [ReceptionCommands],
      providers: [{ provide: LedgerIdentity, useValue: LedgerIdentity.fromKeyRing(options.piiKeyRing) }, ReceptionService, LedgerReveal],
    };
  }
}
