import { Injectable } from '@nestjs/common';
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
import { RpcClient } from '@yikouban/messaging';
import type { Principal } from '../auth/roles';
import { AuditLogService } from '../identity/audit-log.service';
import { actorOf } from '../workbench/workbench-actor';
import type { CreateOrganisationInput, CreateRegionInput, OrganisationFilterInput, RegionTreeArgs, UpdateOrganisationInput } from './dto/directory-admin.types';

/** Only the fields given; null means "unchanged" except for departmentType, where it clears. */
function changesOf(i: UpdateOrganisationInput) {
  return {
    ...(i.name != null ? { name: i.name } : {}),
    ...(i.nameEn != null ? { nameEn: i.nameEn } : {}),
    ...(i.kind != null ? { kind: i.kind } : {}),
    ...(i.regionCode != null ? { regionCode: i.regionCode } : {}),
    ...(i.departmentType !== undefined ? { departmentType: i.departmentType } : {}),
  };
}

/**
 * Regions and organisations, owned and checked by routing; the gateway names the administrator
 * acting and keeps its own audit entry of every change routing accepted.
 */
@Injectable()
export class DirectoryAdministrationDesk {
  constructor(
    private readonly rpc: RpcClient,
    private readonly audit: AuditLogService,
  ) {}

  regionTree(a: RegionTreeArgs): Promise<RegionNodeView[]> {
    return this.rpc.request(RoutingRegionTree, { ...(a.rootCode ? { rootCode: a.rootCode } : {}), depth: a.depth });
  }

  organisations(f: OrganisationFilterInput | undefined): Promise<DirectoryOrganisationView[]> {
    if (!f) return this.rpc.request(RoutingListOrganisations, {});
    return this.rpc.request(RoutingListOrganisations, {
      ...(f.regionCode ? { regionCode: f.regionCode, withinRegion: f.withinRegion } : {}),
      ...(f.kind ? { kind: f.kind } : {}),
      ...(f.departmentType ? { departmentType: f.departmentType } : {}),
      ...(f.search ? { search: f.search } : {}),
      includeInactive: f.includeInactive,
    });
  }

  async createRegion(p: Principal, i: CreateRegionInput): Promise<RegionNodeView> {
    const region = await this.rpc.request(RoutingCreateRegion, { code: i.code, name: i.name, parentCode: i.parentCode, ...(i.level ? { level: i.level } : {}), by: actorOf(p) });
    await this.audit.record({ actor: p, action: 'admin.region_created', subject: region.code, reason: `${region.name} under ${i.parentCode}` });
    return region;
  }

  async renameRegion(p: Principal, code: string, name: string): Promise<RegionNodeView> {
    const region = await this.rpc.request(RoutingRenameRegion, { code, name, by: actorOf(p) });
    await this.audit.record({ actor: p, action: 'admin.region_renamed', subject: code, reason: `renamed ${region.name}` });
    return region;
  }

  async createOrganisation(p: Principal, i: CreateOrganisationInput): Promise<DirectoryOrganisationView> {
    const org = await this.rpc.request(RoutingCreateOrganisation, {
      code: i.code, name: i.name, nameEn: i.nameEn, kind: i.kind, regionCode: i.regionCode, ...(i.departmentType ? { departmentType: i.departmentType } : {}), by: actorOf(p),
    });
    await this.audit.record({ actor: p, action: 'admin.organisation_created', subject: org.code, reason: `${org.name} (${org.kind}) in ${org.regionCode}` });
    return org;
  }

  async updateOrganisation(p: Principal, code: string, i: UpdateOrganisationInput): Promise<DirectoryOrganisationView> {
    const changes = changesOf(i);
    const org = await this.rpc.request(RoutingUpdateOrganisation, { code, ...changes, by: actorOf(p) });
    await this.audit.record({ actor: p, action: 'admin.organisation_updated', subject: code, reason: Object.keys(changes).join(', ') });
    return org;
  }

  async deactivateOrganisation(p: Principal, code: string, reason: string): Promise<DirectoryOrganisationView> {
    const org = await this.rpc.request(RoutingDeactivateOrganisation, { code, reason, by: actorOf(p) });
    await this.audit.record({ actor: p, action: 'admin.organisation_deactivated', subject: code, reason });
    return org;
  }
}
