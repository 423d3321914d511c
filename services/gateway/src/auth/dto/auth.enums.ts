import { registerEnumType } from '@nestjs/graphql';
import { ROLES, type Principal, type Role } from '../roles';

/** Upper-case GraphQL names for the wire values (reception_clerk → RECEPTION_CLERK), as the other gateway enums. */
export const RoleEnum: Record<string, Role> = Object.fromEntries(ROLES.map((r) => [r.toUpperCase(), r]));
export const PrincipalKindEnum: Record<string, Principal['kind']> = { STAFF: 'staff', API_CLIENT: 'api_client', CITIZEN: 'citizen' };

registerEnumType(RoleEnum, { name: 'Role', description: '角色 / who someone is to Yikouban; decides what they may do' });
registerEnumType(PrincipalKindEnum, { name: 'PrincipalKind', description: '身份类别 / a staff user, an external system, or a citizen' });
