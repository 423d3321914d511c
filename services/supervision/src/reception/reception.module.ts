import { Module } from '@nestjs/common';
import { ReceptionCommands } from './reception.commands';
import { ReceptionService } from './reception.service';

/** 领导接访: the rota with its legal advisers (1+1), appointments and the reception ledger. */
@Module({ controllers: [ReceptionCommands], providers: [ReceptionService] })
export class ReceptionModule {}
