import { Module } from '@nestjs/common';
import { SupervisionAdminResolver } from './supervision-admin.resolver';
import { WorkingCalendarResolver } from './working-calendar.resolver';

/** Working calendars and deadline policies in the schema. Needs RpcModule. */
@Module({ providers: [SupervisionAdminResolver, WorkingCalendarResolver] })
export class SupervisionAdminModule {}
