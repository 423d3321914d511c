// Shared by the administration tabs: the enums the forms choose from and the directory's organisations.
import { gql } from '../../api/client';

/** Roles a staff account may hold (citizens never sign in; API clients are their own accounts). */
export const STAFF_ROLES = ['ADMINISTRATOR', 'COMMAND_OPERATOR', 'RECEPTION_CLERK', 'UNIT_STAFF', 'COURT', 'PROCURATORATE', 'POLICE', 'MEDIATION_COMMITTEE', 'SUPERVISOR', 'LEADER'] as const;

export const ORGANISATION_KINDS = ['COMMAND_CENTRE', 'DEPARTMENT', 'TOWN_GOVERNMENT', 'VILLAGE_COMMITTEE', 'PETITION_BUREAU', 'JOINT_CONFERENCE', 'DISCIPLINE_COMMISSION', 'COURT', 'PROCURATORATE', 'POLICE_STATION', 'MEDIATION_COMMITTEE', 'LAWYER_MEDIATION_ROOM'] as const;

export const REGION_LEVELS = ['CITY', 'COUNTY', 'TOWN', 'VILLAGE', 'GRID'] as const;

export interface DirectoryOrganisation {
  code: string;
  name: string;
  nameEn: string;
  kind: string;
  regionCode: string;
  departmentType: string | null;
  active: boolean;
}

export const ORGANISATION_FIELDS = 'code name nameEn kind regionCode departmentType active';
const ORGANISATIONS = `query ($filter: OrganisationFilterInput) { organisations(filter: $filter) { ${ORGANISATION_FIELDS} } }`;

export const loadOrganisations = (filter: Record<string, unknown> = {}) => gql<{ organisations: DirectoryOrganisation[] }>(ORGANISATIONS, { filter }).then((r) => r.organisations);

/** Only the fields that differ from `before`: an update sends what the administrator changed. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T): Partial<T> {
  const out: Partial<T> = {};
  for (const k of Object.keys(after) as (keyof T)[]) if (after[k] !== before[k]) out[k] = after[k];
  return out;
}
