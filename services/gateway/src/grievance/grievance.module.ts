import { Module } from '@nestjs/common';
import { GrievanceDetailsLoader } from './grievance-details.loader';
import { GrievanceLookupService } from './grievance-lookup.service';
import { GrievanceResolver } from './grievance.resolver';

/** The grievance view: intake's record with routing's assignments and supervision's deadline. Needs RpcModule. */
@Module({ providers: [GrievanceDetailsLoader, GrievanceLookupService, GrievanceResolver], exports: [GrievanceLookupService] })
export class GrievanceModule {}
