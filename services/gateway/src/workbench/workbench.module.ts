import { Module } from '@nestjs/common';
import { RoutingAdministrationResolver } from './administration/routing-admin.resolver';
import { RoutingAdministrationDesk } from './administration/routing-admin.service';
import { CommandCentreResolver } from './command-centre.resolver';
import { UnitWorkbenchResolver, WorkbenchAssignmentDetailResolver } from './unit-workbench.resolver';
import { WorkbenchDesk } from './workbench-desk.service';

/**
 * The unit's workbench, the command centre's queue and decisions, and the administration of the
 * classification list and routing rules — all answered by routing. Needs RpcModule.
 */
@Module({
  providers: [WorkbenchDesk, UnitWorkbenchResolver, WorkbenchAssignmentDetailResolver, CommandCentreResolver, RoutingAdministrationDesk, RoutingAdministrationResolver],
})
export class WorkbenchModule {}
