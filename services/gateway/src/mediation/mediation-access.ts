import type { MediationActor, MediationHandoffKind } from '@yikouban/contracts';
import { DomainError } from '@yikouban/service-kit';
import type { Principal, Role } from '../auth/roles';

/**
 * Who sees and does what in 四调衔接. Roles say what kind of organisation the caller acts for;
 * the organisation itself is always the caller's own (orgCode from the token, never an argument),
 * and the mediation service refuses a command on someone else's handoff with FORBIDDEN.
 */

/** Receiving organisations (and the courts that confirm agreements) have an inbox. */
export const INBOX_ROLES: readonly Role[] = ['mediation_committee', 'court', 'procuratorate', 'police'];
/** Sources: the court (委派/委托), procuratorate, police station, and petition work for 访调. */
export const SENDING_ROLES: readonly Role[] = ['court', 'procuratorate', 'police', 'command_operator', 'unit_staff', 'reception_clerk'];
/** See every handoff and the statistics, act on none. */
export const OVERSIGHT_ROLES: readonly Role[] = ['supervisor', 'leader', 'administrator'];
export const RECEIVER_ROLES: readonly Role[] = ['mediation_committee'];
/** Anyone who may open one handoff's file: its parties' organisations, or oversight. */
export const FILE_ROLES: readonly Role[] = [...new Set([...INBOX_ROLES, ...SENDING_ROLES, ...OVERSIGHT_ROLES])];

/** The one kind each sending role may request. */
export const KIND_OF_SENDER: Readonly<Partial<Record<Role, MediationHandoffKind>>> = {
  court: 'litigation_mediation',
  procuratorate: 'procuratorate_mediation',
  police: 'police_mediation',
  command_operator: 'petition_mediation',
  unit_staff: 'petition_mediation',
  reception_clerk: 'petition_mediation',
};

/** The caller's own organisation; a staff account without one acts for nobody. */
export function orgOf(p: Principal): string {
  if (!p.orgCode) throw new DomainError('FORBIDDEN', 'no_organisation: 账号未关联组织，不能办理移交 / the account belongs to no organisation');
  return p.orgCode;
}

export function actorOf(p: Principal): MediationActor {
  return { userId: p.id, orgCode: orgOf(p) };
}

export function requireSenderOf(p: Principal, kind: MediationHandoffKind): void {
  if (KIND_OF_SENDER[p.role] !== kind) {
    throw new DomainError('FORBIDDEN', `kind_not_permitted: 角色 ${p.role} 不能发起 ${kind} 移交 / this role may not request this kind of handoff`, [
      { field: 'input.kind', problems: [`kind_not_permitted: ${p.role} may request ${KIND_OF_SENDER[p.role] ?? 'no handoff'}`] },
    ]);
  }
}

/** Courts look at the confirmations applied to them unless they ask otherwise; everyone else at what was sent to them. */
export function inboxRoleOf(p: Principal, asked?: 'receiver' | 'confirming_court'): 'receiver' | 'confirming_court' {
  return asked ?? (p.role === 'court' ? 'confirming_court' : 'receiver');
}

/** The organisation a file is opened for (undefined for oversight, which sees every file). */
export function viewerOrgOf(p: Principal): string | undefined {
  return OVERSIGHT_ROLES.includes(p.role) ? undefined : orgOf(p);
}
