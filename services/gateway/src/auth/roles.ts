/** Who uses Yikouban (DESIGN: who uses it). Every query, mutation and field names the roles it allows. */
export const ROLES = [
  'citizen',
  'reception_clerk',
  'command_operator',
  'unit_staff',
  'court',
  'procuratorate',
  'police',
  'mediation_committee',
  'supervisor',
  'leader',
  'administrator',
  'api_client',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that may see personal information unmasked (and every such read is audited). */
export const PII_ROLES: readonly Role[] = ['reception_clerk', 'command_operator', 'leader'];

/** Who is asking: a staff user, an external system, or a citizen holding a tracking code. */
export interface Principal {
  kind: 'staff' | 'api_client' | 'citizen';
  id: string;
  role: Role;
  /** The organisation a staff user belongs to; their view is scoped to it. */
  orgCode?: string;
  /** The region subtree a staff user may see (county command centre: the county). */
  regionCode?: string;
  /** API clients: what the client credentials grant, e.g. 'grievance:write'. */
  scopes: string[];
}
