import { Module } from '@nestjs/common';
import { BulletinDesk } from './bulletin-desk.service';
import { BulletinResolver } from './bulletin.resolver';

/** 苗头预警 and 通报 / 台账 in the schema. Needs RpcModule. */
@Module({ providers: [BulletinDesk, BulletinResolver] })
export class BulletinModule {}
