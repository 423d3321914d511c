import { Module } from '@nestjs/common';
import { GrievanceModule } from '../grievance/grievance.module';
import { CitizenIntakeResolver } from './citizen-intake.resolver';
import { GrievanceRecordFieldsResolver } from './grievance-record-fields.resolver';
import { IntakeGatewayService } from './intake-gateway.service';
import { IntakeResolver } from './intake.resolver';

/**
 * Intake over GraphQL: staff registration, lists and reads (with routing's lead unit and
 * supervision's deadlines, batched), audited reveal, duplicates; the citizen portal. Needs RpcModule.
 */
@Module({ imports: [GrievanceModule], providers: [IntakeGatewayService, IntakeResolver, GrievanceRecordFieldsResolver, CitizenIntakeResolver] })
export class IntakeModule {}
