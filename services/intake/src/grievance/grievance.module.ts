import { DynamicModule, Module } from '@nestjs/common';
import { PetitionerReveal } from '../petitioner/petitioner-reveal.service';
import { PetitionerVault, PII_KEYS, type PiiKeys } from '../petitioner/petitioner-vault';
import { GrievanceTriagedHandler } from './grievance-triaged.handler';
import { AssignmentCreatedHandler } from './assignment-created.handler';
import { HandoffReturnedHandler } from './handoff-returned.handler';
import { GrievanceController } from './grievance.controller';
import { GrievanceQueries } from './grievance.queries';
import { GrievanceReader } from './grievance-reader.service';
import { GrievanceService, INTAKE_POLICY, type IntakePolicy } from './grievance.service';

@Module({})
export class GrievanceModule {
  static register(keys: PiiKeys, policy: IntakePolicy): DynamicModule {
    return {
      module: GrievanceModule,
      controllers: [GrievanceController, GrievanceQueries],
      providers: [{ provide: PII_KEYS, useValue: keys }, { provide: INTAKE_POLICY, useValue: policy }, GrievanceService, GrievanceReader, PetitionerVault, PetitionerReveal, AssignmentCreatedHandler, HandoffReturnedHandler, GrievanceTriagedHandler],
    };
  }
}
