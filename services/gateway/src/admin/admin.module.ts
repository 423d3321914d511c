import { Module } from '@nestjs/common';
import { ApiClientAdministration } from '../identity/api-client-administration.service';
import { UserAdministration } from '../identity/user-administration.service';
import { ApiClientAdministrationResolver } from './api-client-admin.resolver';
import { DirectoryAdministrationDesk } from './directory-admin.desk';
import { DirectoryAdministrationResolver } from './directory-admin.resolver';
import { UserAdministrationResolver } from './user-admin.resolver';
import { UserPlacement } from './user-placement';

/**
 * The administrator's surface beyond the classification list and rules (workbench/administration):
 * staff accounts and API clients (the gateway's own tables), regions and organisations (asked of
 * routing). Needs AuthModule (audit log, data source) and RpcModule.
 */
@Module({
  providers: [UserAdministration, ApiClientAdministration, UserPlacement, DirectoryAdministrationDesk, UserAdministrationResolver, ApiClientAdministrationResolver, DirectoryAdministrationResolver],
})
export class AdminModule {}
