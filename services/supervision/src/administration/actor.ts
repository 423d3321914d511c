import type { SupervisionActor } from '@yikouban/contracts';
import { AdministrationError } from './administration.errors';

/** Calendars and policies are changed by staff (the gateway admits administrators only). */
export function staffId(by: SupervisionActor): string {
  if (by.kind !== 'staff' || !by.userId) throw new AdministrationError('actor_not_permitted', '只有工作人员可以修改日历和期限规则 / only staff change calendars and policies', 'by');
  return by.userId;
}
