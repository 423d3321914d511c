/**
 * 信访工作条例 第三十条: whoever reports an official (检举控告) must never be made known to the
 * accused. The accused may sit in the very unit handling the matter, so handling-unit staff never
 * see the reporter of an accusation — neither masked in lists nor unmasked on request.
 */
export const REPORTER_PROTECTED_FROM_ROLES: readonly string[] = ['unit_staff'];

export function reporterProtectedFrom(role: string | undefined): boolean {
  return role !== undefined && REPORTER_PROTECTED_FROM_ROLES.includes(role);
}
