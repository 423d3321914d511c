import { Module } from '@nestjs/common';
import { DeadlineExtensionResolver } from './deadline-extension.resolver';
import { SupervisionDesk } from './supervision-desk.service';
import { SupervisionResolver } from './supervision.resolver';

/** 督查督办 in the schema: deadlines, boards, indicators, evaluation, closure and reviews. Needs RpcModule. */
@Module({ providers: [SupervisionDesk, SupervisionResolver, DeadlineExtensionResolver] })
export class SupervisionModule {}
