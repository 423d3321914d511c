import type { Role } from '../auth/roles';

/** Who works an assignment: unit staff, and leaders for the unit they lead (a town government's 包案领导). */
export const UNIT_ROLES: readonly Role[] = ['unit_staff', 'leader'];
/** Who may open an assignment's record; routing further limits it to the unit, its fellow units and overseers. */
export const ASSIGNMENT_VIEWERS: readonly Role[] = ['unit_staff', 'leader', 'command_operator', 'supervisor'];
/** Who hands a case to a statutory body: the lead unit or the command centre. */
export const REDIRECTORS: readonly Role[] = ['unit_staff', 'leader', 'command_operator'];
/** The command centre re-routes returned work and corrects triage. */
export const OPERATORS: readonly Role[] = ['command_operator'];
/** Who decides a jurisdiction dispute escalated to their organisation (第二十四条): the joint conference office or a common superior. */
export const DECIDERS: readonly Role[] = ['supervisor', 'leader'];
export const DISPUTE_VIEWERS: readonly Role[] = ['supervisor', 'leader', 'command_operator'];
