import { AuthMessages, ForbiddenError } from '../auth/auth.errors';
import { inRegionSubtree, regionInScope } from '../auth/region-scope';
import type { Principal, Role } from '../auth/roles';
import type { AssignmentChange, AssignmentChangedArgs, GrievanceReceivedArgs, LiveGrievance } from './dto/live.types';

/** Who watches new grievances arrive: the window, the command centre, oversight and case leaders. */
export const GRIEVANCE_BOARD_ROLES: readonly Role[] = ['reception_clerk', 'command_operator', 'supervisor', 'leader'];

/** Who watches assignments move: the command centre, oversight, leaders — and a unit, its own. */
export const ASSIGNMENT_BOARD_ROLES: readonly Role[] = ['command_operator', 'supervisor', 'leader', 'unit_staff'];

/** New grievances in the asked region, which must lie within the caller's (FORBIDDEN otherwise). */
export function grievanceScope(principal: Principal, args: GrievanceReceivedArgs): (g: LiveGrievance) => boolean {
  const region = regionInScope(principal, args.regionCode);
  return (g) => inRegionSubtree(g.regionCode, region);
}

/**
 * A unit's staff see their own unit's assignments (as lead or co-handler, and one moved to it);
 * region-wide roles see their region's, optionally one unit. An assignment whose region is not
 * known reaches only its own unit: deny by default.
 */
export function assignmentScope(principal: Principal, args: AssignmentChangedArgs): (c: AssignmentChange) => boolean {
  const concerns = (unit: string) => (c: AssignmentChange) => c.unitCode === unit || c.toUnitCode === unit;
  if (principal.role === 'unit_staff') {
    const own = principal.orgCode;
    if (!own || (args.unitCode && args.unitCode !== own) || args.regionCode) throw new ForbiddenError(AuthMessages.outsideRegion);
    return concerns(own);
  }
  const region = regionInScope(principal, args.regionCode);
  const unit = args.unitCode ? concerns(args.unitCode) : () => true;
  return (c) => c.regionCode !== null && inRegionSubtree(c.regionCode, region) && unit(c);
}
