import { Module } from '@nestjs/common';
import { ReceptionDesk } from './reception-desk.service';
import { ReceptionResolver } from './reception.resolver';

/** 领导接访 and 阳光信访公开评议 in the schema. Needs RpcModule. */
@Module({ providers: [ReceptionDesk, ReceptionResolver] })
export class ReceptionModule {}
