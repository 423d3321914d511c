import { ROLES, type Role } from './roles';

/** Every role a signed-in staff user can hold (not citizens, not external systems). */
export const STAFF_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'citizen' && r !== 'api_client');

/** Every role that can sign in at all. */
export const SIGNED_IN_ROLES: readonly Role[] = ROLES;
