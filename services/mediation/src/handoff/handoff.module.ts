import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { GrievanceRedirectedHandler } from './grievance-redirected.handler';
import { GrievanceWithdrawnHandler } from './grievance-withdrawn.handler';
import { HandoffReader } from './handoff-reads';
import { HandoffQueries } from './handoff.queries';
import { HandoffRepository } from './handoff.repository';
import { HandoffService } from './handoff.service';

@Module({
  imports: [DirectoryModule],
  controllers: [HandoffQueries],
  providers: [HandoffRepository, HandoffReader, HandoffService, GrievanceWithdrawnHandler, GrievanceRedirectedHandler],
})
export class HandoffModule {}

export const MEDIATION_EVENT_HANDLERS = [GrievanceWithdrawnHandler, GrievanceRedirectedHandler];
