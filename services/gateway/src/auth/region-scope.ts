import { AuthMessages, ForbiddenError } from './auth.errors';
import type { Principal } from './roles';

/**
 * Region codes are administrative division codes (county 330621, town 330621101, village
 * 330621101202, grid below), so a region's subtree is every code it prefixes.
 */
export function inRegionSubtree(code: string, root: string): boolean {
  return code.startsWith(root);
}

/**
 * The region a staff user's view covers: the one asked for, which must lie in their own subtree,
 * or their own region. FORBIDDEN when it lies outside, or when the user has no region at all.
 */
export function regionInScope(principal: Principal, requested?: string | null): string {
  const own = principal.regionCode;
  if (!own) throw new ForbiddenError(AuthMessages.outsideRegion);
  const region = requested ?? own;
  if (!inRegionSubtree(region, own)) throw new ForbiddenError(AuthMessages.outsideRegion);
  return region;
}
