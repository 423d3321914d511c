import type { Role } from '../auth/roles';

/**
 * Who issues, answers and reads oversight. Supervisors and leaders issue notices and review the
 * responses; the unit answers its own notices (the service checks its organisation); leaders
 * own cases; the command centre and administrators read.
 */
export const NOTICE_ISSUERS: readonly Role[] = ['supervisor', 'leader'];
export const NOTICE_RESPONDERS: readonly Role[] = ['unit_staff'];
export const OVERSIGHT_READERS: readonly Role[] = ['supervisor', 'leader', 'administrator', 'command_operator'];
/** A unit also sees the notices addressed to it (its filter is held to its organisation). */
export const NOTICE_READERS: readonly Role[] = [...OVERSIGHT_READERS, 'unit_staff'];
export const CASE_OWNER_ASSIGNERS: readonly Role[] = ['supervisor', 'leader'];
export const CAMPAIGN_MANAGERS: readonly Role[] = ['supervisor', 'leader'];
