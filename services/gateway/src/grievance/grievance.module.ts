import { Module } from '@nestjs/common';
import { GrievanceLookupService } from './grievance-lookup.service';
import { GrievanceResolver } from './grievance.resolver';

/** The grievance view: intake's record with routing's assignments and supervision's deadline. Needs RpcModule. */
@Module({ providers: [GrievanceLookupService, GrievanceResolver] })
export class GrievanceModule {}
