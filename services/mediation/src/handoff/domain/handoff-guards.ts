import { HandoffTransitionError, type HandoffErrorCode } from './handoff.errors';
import type { AgreementError } from './agreement';
import type { HandoffCommandType, HandoffParty, HandoffState, HandoffStatus, SourceStep } from './handoff.types';

/** Where a check runs: the status it starts from (null when creating) and the command. */
export interface GuardContext {
  from: HandoffStatus | null;
  command: HandoffCommandType | SourceStep;
}

export function contextOf(state: HandoffState, command: HandoffCommandType): GuardContext {
  return { from: state.status, command };
}

export function fail(ctx: GuardContext, code: HandoffErrorCode, zh: string, en: string, field?: string, agreementErrors: readonly AgreementError[] = []): never {
  throw new HandoffTransitionError(code, ctx.from, ctx.command, `${zh} (${en})`, field, agreementErrors);
}

export function hasText(v: unknown): v is string {
  return typeof v === 'string' && v.trim().length > 0;
}

export function requireText(ctx: GuardContext, value: unknown, field: string, zh: string): string {
  if (!hasText(value)) fail(ctx, 'invalid_command', `${zh}不能为空`, `${field} must be non-empty text`, field);
  return value.trim();
}

export function requireDate(ctx: GuardContext, value: unknown, field: string): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) fail(ctx, 'invalid_command', '时间无效', `${field} must be a valid Date`, field);
  return value;
}

export function requireOneOf<T extends string>(ctx: GuardContext, value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    fail(ctx, 'invalid_command', '取值无效', `${field} must be one of ${allowed.join(', ')}`, field);
  }
  return value as T;
}

export function requirePartyOf(ctx: GuardContext, state: HandoffState, partyId: unknown, field: string): string {
  if (typeof partyId !== 'string' || !state.parties.some((p) => p.id === partyId)) {
    fail(ctx, 'unknown_party', '不是本案当事人', `${String(partyId)} is not a party to this handoff`, field);
  }
  return partyId;
}

const PARTY_ROLES = ['applicant', 'respondent', 'third_party'] as const;

/** A dispute has at least two sides: an applicant and a respondent, each named once. */
export function requireParties(ctx: GuardContext, parties: readonly HandoffParty[]): HandoffParty[] {
  if (!Array.isArray(parties) || parties.length < 2) fail(ctx, 'invalid_command', '至少需要两方当事人', 'at least two parties are needed', 'parties');
  const seen = new Set<string>();
  const out = parties.map((p, i) => {
    const id = requireText(ctx, p?.id, `parties[${i}].id`, '当事人编号');
    if (seen.has(id)) fail(ctx, 'invalid_command', '当事人重复', `party ${id} is listed twice`, `parties[${i}].id`);
    seen.add(id);
    return { id, name: requireText(ctx, p.name, `parties[${i}].name`, '当事人姓名或名称'), role: requireOneOf(ctx, p.role, PARTY_ROLES, `parties[${i}].role`) };
  });
  if (!out.some((p) => p.role === 'applicant') || !out.some((p) => p.role === 'respondent')) {
    fail(ctx, 'invalid_command', '当事人须包括申请人和被申请人', 'parties must include an applicant and a respondent', 'parties');
  }
  return out;
}

/** Commands only the receiving organisation may issue. */
export function requireTargetOrganisation(ctx: GuardContext, state: HandoffState, actorOrgCode: string): void {
  if (actorOrgCode !== state.target.orgCode) {
    fail(ctx, 'actor_not_permitted', '只有接收的调解组织可以执行此操作', `only ${state.target.orgCode} may do this`, 'by.orgCode');
  }
}
