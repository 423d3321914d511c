import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { MediationListMediators, MediationListOrganisations, type MediationOrganisationSummary, type MediatorSummary } from '@yikouban/contracts';
import { validQuery } from '@yikouban/messaging';
import { DirectoryRepository } from './directory.repository';

/** The directory as callers see it: who mediates what, where, and with whom. */
@Controller()
export class DirectoryQueries {
  constructor(private readonly directory: DirectoryRepository) {}

  @MessagePattern(MediationListOrganisations.subject)
  async organisations(@Payload() data: unknown): Promise<MediationOrganisationSummary[]> {
    return this.directory.listOrganisations(await validQuery(MediationListOrganisations, data));
  }

  @MessagePattern(MediationListMediators.subject)
  async mediators(@Payload() data: unknown): Promise<MediatorSummary[]> {
    return this.directory.listMediators(await validQuery(MediationListMediators, data));
  }
}
