import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  RoutingCreateOrganisation,
  RoutingCreateRegion,
  RoutingDeactivateOrganisation,
  RoutingListOrganisations,
  RoutingRegionTree,
  RoutingRenameRegion,
  RoutingUpdateOrganisation,
  type DirectoryOrganisationView,
  type RegionNodeView,
} from '@yikouban/contracts';
import { validQuery } from '@yikouban/messaging';
import { DirectoryAdministration } from './directory-administration';
import { DirectoryReads } from './directory-reads';

/** Regions and organisations over NATS; the gateway lets only administrators change them. */
@Controller()
export class DirectoryAdministrationQueries {
  constructor(
    private readonly admin: DirectoryAdministration,
    private readonly reads: DirectoryReads,
  ) {}

  @MessagePattern(RoutingRegionTree.subject)
  async regionTree(@Payload() data: unknown): Promise<RegionNodeView[]> {
    return this.reads.regionTree(await validQuery(RoutingRegionTree, data));
  }

  @MessagePattern(RoutingListOrganisations.subject)
  async organisations(@Payload() data: unknown): Promise<DirectoryOrganisationView[]> {
    return this.reads.organisations(await validQuery(RoutingListOrganisations, data));
  }

  @MessagePattern(RoutingCreateRegion.subject)
  async createRegion(@Payload() data: unknown): Promise<RegionNodeView> {
    return this.admin.createRegion(await validQuery(RoutingCreateRegion, data));
  }

  @MessagePattern(RoutingRenameRegion.subject)
  async renameRegion(@Payload() data: unknown): Promise<RegionNodeView> {
    return this.admin.renameRegion(await validQuery(RoutingRenameRegion, data));
  }

  @MessagePattern(RoutingCreateOrganisation.subject)
  async createOrganisation(@Payload() data: unknown): Promise<DirectoryOrganisationView> {
    return this.admin.createOrganisation(await validQuery(RoutingCreateOrganisation, data));
  }

  @MessagePattern(RoutingUpdateOrganisation.subject)
  async updateOrganisation(@Payload() data: unknown): Promise<DirectoryOrganisationView> {
    return this.admin.updateOrganisation(await validQuery(RoutingUpdateOrganisation, data));
  }

  @MessagePattern(RoutingDeactivateOrganisation.subject)
  async deactivateOrganisation(@Payload() data: unknown): Promise<DirectoryOrganisationView> {
    return this.admin.deactivateOrganisation(await validQuery(RoutingDeactivateOrganisation, data));
  }
}

export const DIRECTORY_ADMINISTRATION_CONTROLLERS = [DirectoryAdministrationQueries];
export const DIRECTORY_ADMINISTRATION_PROVIDERS = [DirectoryReads, DirectoryAdministration];
