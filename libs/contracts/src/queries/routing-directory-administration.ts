import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { CODE_PATTERN } from '../common';
import { defineQuery } from '../contract';
import { RoutingActor } from '../events/routing-assignment-common';

/**
 * Administration of the directory routing owns: regions (市/县/镇街/村社区/网格) and
 * organisations. Every change is published as `routing.directory.changed`. Refusals:
 * BAD_REQUEST with the field at fault, NOT_FOUND for an unknown code, CONFLICT for a code taken,
 * or an organisation that still holds open assignments or is named by routing rules in force.
 */

/** From the top of the tree down: a region's parent is always at an earlier level. */
export const REGION_LEVELS = ['city', 'county', 'town', 'village', 'grid'] as const;
export type RegionLevelName = (typeof REGION_LEVELS)[number];

export const ORGANISATION_KINDS = [
  'petition_bureau',
  'command_centre',
  'department',
  'town_government',
  'village_committee',
  'court',
  'procuratorate',
  'police_station',
  'mediation_committee',
  'lawyer_mediation_room',
  'joint_conference',
  'discipline_commission',
] as const;
export type OrganisationKindName = (typeof ORGANISATION_KINDS)[number];

/** Region codes are digits in the administrative style: a child's code extends its parent's. */
export const REGION_CODE_PATTERN = /^[0-9]{2,30}$/;

export class CreateRegion {
  @Matches(REGION_CODE_PATTERN) code: string;
  @IsString() @Length(1, 60) name: string;
  @Matches(REGION_CODE_PATTERN) parentCode: string;
  /** Omitted: the level below the parent's. */
  @IsOptional() @IsIn(REGION_LEVELS) level?: RegionLevelName;
  @ValidateNested() @Type(() => RoutingActor) by: RoutingActor;
}

export class RenameRegion {
  @Matches(REGION_CODE_PATTERN) code: string;
  @IsString() @Length(1, 60) name: string;
  @ValidateNested() @Type(() => RoutingActor) by: RoutingActor;
}

export class CreateOrganisation {
  @Matches(CODE_PATTERN) code: string;
  @IsString() @Length(1, 100) name: string;
  @IsString() @Length(1, 200) nameEn: string;
  @IsIn(ORGANISATION_KINDS) kind: OrganisationKindName;
  @Matches(REGION_CODE_PATTERN) regionCode: string;
  /** A department type of the directory (分管职责), e.g. human_resources; routing checks it is known. */
  @IsOptional() @Matches(CODE_PATTERN) departmentType?: string;
  @ValidateNested() @Type(() => RoutingActor) by: RoutingActor;
}

/** Only the fields given change; `departmentType: null` clears it. */
export class UpdateOrganisation {
  @Matches(CODE_PATTERN) code: string;
  @IsOptional() @IsString() @Length(1, 100) name?: string;
  @IsOptional() @IsString() @Length(1, 200) nameEn?: string;
  @IsOptional() @IsIn(ORGANISATION_KINDS) kind?: OrganisationKindName;
  @IsOptional() @Matches(REGION_CODE_PATTERN) regionCode?: string;
  @IsOptional() @ValidateIf((_o, v) => v !== null) @Matches(CODE_PATTERN) departmentType?: string | null;
  @ValidateNested() @Type(() => RoutingActor) by: RoutingActor;
}

export class DeactivateOrganisation {
  @Matches(CODE_PATTERN) code: string;
  @IsString() @Length(1, 1000) reason: string;
  @ValidateNested() @Type(() => RoutingActor) by: RoutingActor;
}

export class GetRegionTree {
  /** Omitted: every top-level region. */
  @IsOptional() @Matches(REGION_CODE_PATTERN) rootCode?: string;
  /** Levels below the root to include; 0 is the root alone. */
  @IsOptional() @IsInt() @Min(0) @Max(5) depth?: number;
}

export class ListOrganisations {
  /** Organisations in this region and, with `withinRegion`, anywhere below it. */
  @IsOptional() @Matches(REGION_CODE_PATTERN) regionCode?: string;
  @IsOptional() @IsBoolean() withinRegion?: boolean;
  @IsOptional() @IsIn(ORGANISATION_KINDS) kind?: OrganisationKindName;
  @IsOptional() @Matches(CODE_PATTERN) departmentType?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(200) @Matches(CODE_PATTERN, { each: true }) codes?: string[];
  /** In the Chinese or English name, or the code. */
  @IsOptional() @IsString() @Length(1, 50) search?: string;
  @IsOptional() @IsBoolean() includeInactive?: boolean;
}

export interface RegionNodeView {
  code: string;
  name: string;
  level: RegionLevelName;
  parentCode: string | null;
  /** Empty below the depth asked for; `childCount` says whether there is more. */
  children: RegionNodeView[];
  childCount: number;
}

export interface DirectoryOrganisationView {
  code: string;
  name: string;
  nameEn: string;
  kind: OrganisationKindName;
  regionCode: string;
  departmentType: string | null;
  active: boolean;
}

export const RoutingCreateRegion = defineQuery<CreateRegion, RegionNodeView>('routing.region.create', CreateRegion);
export const RoutingRenameRegion = defineQuery<RenameRegion, RegionNodeView>('routing.region.rename', RenameRegion);
export const RoutingRegionTree = defineQuery<GetRegionTree, RegionNodeView[]>('routing.region.tree', GetRegionTree);
export const RoutingCreateOrganisation = defineQuery<CreateOrganisation, DirectoryOrganisationView>('routing.organisation.create', CreateOrganisation);
export const RoutingUpdateOrganisation = defineQuery<UpdateOrganisation, DirectoryOrganisationView>('routing.organisation.update', UpdateOrganisation);
export const RoutingDeactivateOrganisation = defineQuery<DeactivateOrganisation, DirectoryOrganisationView>('routing.organisation.deactivate', DeactivateOrganisation);
export const RoutingListOrganisations = defineQuery<ListOrganisations, DirectoryOrganisationView[]>('routing.organisation.list', ListOrganisations);
