import type { RoutingActor } from '@yikouban/contracts';
import { DomainError } from '@yikouban/service-kit';
import type { Principal } from '../auth/roles';

/**
 * The signed-in user acting for their own unit: every workbench call names it, and routing
 * refuses (FORBIDDEN) a unit acting on, or looking at, another unit's assignment. A staff
 * account without a unit has no workbench.
 */
export function actorOf(p: Principal): RoutingActor {
  if (!p.orgCode) throw new DomainError('FORBIDDEN', 'no_unit: 该账号未隶属任何单位，没有工作台 (this account belongs to no unit)');
  return { userId: p.id, orgCode: p.orgCode };
}
