import { Module } from '@nestjs/common';
import { SupervisionAdminResolver } from './supervision-admin.resolver';

/** Working calendars and deadline policies in the schema. Needs RpcModule. */
@Module({ providers: [SupervisionAdminResolver] })
export class SupervisionAdminModule {}
