import { IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import { CODE_PATTERN } from '../common';
import { defineQuery } from '../contract';
import { MEDIATION_ORGANISATION_KINDS, type MediationOrganisationKindName } from '../events/mediation-common';
import type { MediationOrganisationSummary, MediatorSummary } from './mediation-views';

/** What a committee or a mediator is good at: 劳动争议, 医疗纠纷, 邻里纠纷, 交通事故… */
export const MEDIATION_SPECIALITIES = [
  'general',
  'labour',
  'medical',
  'neighbourhood',
  'traffic',
  'marriage_family',
  'property_management',
  'land',
  'consumer',
  'commercial',
  'construction',
] as const;
export type MediationSpeciality = (typeof MEDIATION_SPECIALITIES)[number];

export class ListMediationOrganisations {
  @IsOptional() @IsIn(MEDIATION_ORGANISATION_KINDS) kind?: MediationOrganisationKindName;
  /** A region code: organisations in it and in the regions under it. */
  @IsOptional() @Matches(CODE_PATTERN) regionCode?: string;
  @IsOptional() @IsIn(MEDIATION_SPECIALITIES) speciality?: MediationSpeciality;
}

export class ListMediators {
  @IsOptional() @Matches(CODE_PATTERN) orgCode?: string;
  @IsOptional() @IsIn(MEDIATION_SPECIALITIES) speciality?: MediationSpeciality;
  @IsOptional() @IsBoolean() includeInactive?: boolean;
}

export const MediationListOrganisations = defineQuery<ListMediationOrganisations, MediationOrganisationSummary[]>('mediation.organisation.list', ListMediationOrganisations);
export const MediationListMediators = defineQuery<ListMediators, MediatorSummary[]>('mediation.mediator.list', ListMediators);
