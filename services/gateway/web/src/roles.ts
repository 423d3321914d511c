import type { Role } from './api/session';

/** The pages of the web UI, and which staff roles each is for (the API enforces it; this only decides the menu). */
export type StaffPage = '/board' | '/reception' | '/reception-days' | '/workbench' | '/handoffs' | '/supervisor' | '/admin';

const PAGES_BY_ROLE: Partial<Record<Role, StaffPage[]>> = {
  COMMAND_OPERATOR: ['/board', '/reception'],
  RECEPTION_CLERK: ['/reception', '/reception-days', '/board'],
  ADMINISTRATOR: ['/admin', '/board', '/supervisor', '/reception-days'],
  LEADER: ['/board', '/supervisor', '/reception-days'],
  SUPERVISOR: ['/supervisor', '/board', '/reception-days'],
  UNIT_STAFF: ['/workbench'],
  COURT: ['/handoffs'],
  PROCURATORATE: ['/handoffs'],
  POLICE: ['/handoffs'],
  MEDIATION_COMMITTEE: ['/handoffs'],
};

export const pagesFor = (role: Role): StaffPage[] => PAGES_BY_ROLE[role] ?? [];

/** Where a user lands after signing in. */
export const homeOf = (role: Role): string => pagesFor(role)[0] ?? '/';
