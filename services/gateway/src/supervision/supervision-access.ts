import type { SupervisionActor } from '@yikouban/contracts';
import { DomainError } from '@yikouban/service-kit';
import type { Principal, Role } from '../auth/roles';

/**
 * Who sees and does what after the reply. Oversight sees everything in its region; a unit sees
 * only its own cases and figures (orgCode from the token, never an argument); the petitioner acts
 * through the public mutations with the tracking code and secret.
 */
export const OVERSIGHT_ROLES: readonly Role[] = ['supervisor', 'leader', 'command_operator', 'administrator'];
export const CASE_VIEW_ROLES: readonly Role[] = [...OVERSIGHT_ROLES, 'unit_staff'];
/** Return-visit calls are made by the hotline and the supervision staff, never by the unit judged. */
export const EVALUATION_RECORDERS: readonly Role[] = ['supervisor', 'command_operator', 'reception_clerk'];
/** Close, send back for rework. */
export const CLOSING_ROLES: readonly Role[] = ['supervisor', 'leader', 'command_operator'];
/** Register a review request received at a window or by letter. */
export const REVIEW_RECORDERS: readonly Role[] = ['supervisor', 'command_operator', 'reception_clerk'];
/** The organ above answers 复查 and 复核. */
export const REVIEW_ANSWERERS: readonly Role[] = ['supervisor', 'leader'];

export function staffActor(p: Principal): SupervisionActor {
  return { kind: 'staff', userId: p.id, ...(p.orgCode ? { orgCode: p.orgCode } : {}) };
}

const forbidden = (field: string, message: string) => new DomainError('FORBIDDEN', message, [{ field, problems: [message] }]);

/**
 * The filter a caller may use: a unit is held to its own organisation; anyone with a region is
 * held to its subtree (the region defaults to it).
 */
export function scopedFilter<F extends { regionCode?: string; orgCode?: string }>(p: Principal, f: F, prefix: string): F {
  const scoped = { ...f };
  if (p.role === 'unit_staff') {
    if (!p.orgCode) throw forbidden(`${prefix}.orgCode`, 'no_organisation: 账号未关联单位 / the account belongs to no unit');
    if (f.orgCode && f.orgCode !== p.orgCode) throw forbidden(`${prefix}.orgCode`, 'other_unit: 只能查看本单位 / a unit sees only its own figures');
    scoped.orgCode = p.orgCode;
  }
  if (p.regionCode) {
    if (f.regionCode && !f.regionCode.startsWith(p.regionCode)) throw forbidden(`${prefix}.regionCode`, 'outside_region: 超出本账号辖区 / outside the account’s region');
    scoped.regionCode = f.regionCode ?? p.regionCode;
  }
  return scoped;
}
