import { ALLOW_KEY, PUBLIC_KEY } from './allow.decorator';
import type { Role } from './roles';
import { SCOPES_KEY } from './require-scopes.decorator';

/** What a method (or its class) declares: open to anyone, or these roles (and, for API clients, these scopes). */
export type AccessRule = { kind: 'public' } | { kind: 'allow'; roles: readonly Role[]; scopes: readonly string[] };

/** A method (function) or a class: decorators put their metadata on either. */
type Target = object;

function declared(target: Target): AccessRule | undefined {
  if (Reflect.getMetadata(PUBLIC_KEY, target) === true) return { kind: 'public' };
  const roles = Reflect.getMetadata(ALLOW_KEY, target) as Role[] | undefined;
  if (roles) return { kind: 'allow', roles, scopes: [] };
  return undefined;
}

/**
 * The rule for one method: its own decorator wins over its class's, so a @Public resolver can
 * still restrict a single field. undefined: nothing declared — deny by default.
 */
export function accessRuleOf(handler: Target, cls: Target): AccessRule | undefined {
  const rule = declared(handler) ?? declared(cls);
  if (rule?.kind !== 'allow') return rule;
  const scopes = (Reflect.getMetadata(SCOPES_KEY, handler) ?? Reflect.getMetadata(SCOPES_KEY, cls) ?? []) as string[];
  return { ...rule, scopes };
}

/** Both @Public and @Allow on the same method or class: a mistake the guard coverage test reports. */
export function hasConflictingRules(target: Target): boolean {
  return Reflect.getMetadata(PUBLIC_KEY, target) === true && Reflect.getMetadata(ALLOW_KEY, target) !== undefined;
}
