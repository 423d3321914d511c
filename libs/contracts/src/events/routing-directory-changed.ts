import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, Matches, ValidateNested } from 'class-validator';
import { CODE_PATTERN } from '../common';
import { defineEvent } from '../contract';
import { RoutingActor } from './routing-assignment-common';

export const DIRECTORY_CHANGES = ['region_created', 'region_renamed', 'organisation_created', 'organisation_updated', 'organisation_deactivated'] as const;
export type DirectoryChange = (typeof DIRECTORY_CHANGES)[number];

/**
 * An administrator changed the directory (a region or an organisation): whoever keeps a copy of
 * it (routing's other replicas, the gateway's pickers, mediation's sender list) refreshes.
 */
export class DirectoryChangedV1 {
  @IsIn(DIRECTORY_CHANGES) change: DirectoryChange;
  /** The region created or renamed, or the organisation's region. */
  @Matches(CODE_PATTERN) regionCode: string;
  @IsOptional() @Matches(CODE_PATTERN) organisationCode?: string;
  @ValidateNested() @Type(() => RoutingActor) by: RoutingActor;
  @IsISO8601() at: string;
}

export const DirectoryChanged = defineEvent('routing.directory.changed', 1, DirectoryChangedV1);
