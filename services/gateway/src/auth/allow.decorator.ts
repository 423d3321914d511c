import { SetMetadata } from '@nestjs/common';
import type { Role } from './roles';

export const ALLOW_KEY = 'ykb:allow';
export const PUBLIC_KEY = 'ykb:public';

/**
 * The roles that may call a resolver or controller method. Authorisation is deny by default: a
 * method without @Allow or @Public is refused, and a test fails the build if one exists.
 */
export const Allow = (...roles: Role[]) => SetMetadata(ALLOW_KEY, roles);

/** Open to anyone (health, login, the citizen's tracking query that checks its own secret). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
