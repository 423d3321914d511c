import { Module } from '@nestjs/common';
import { OversightDesk } from './oversight-desk.service';
import { OversightResolver } from './oversight.resolver';

/** 督办单, 包案 / 积案 and 专项治理 in the schema. Needs RpcModule. */
@Module({ providers: [OversightDesk, OversightResolver] })
export class OversightModule {}
