import type { IntakePolicy } from '../grievance/grievance.service';
import type { PiiKeys } from '../petitioner/petitioner-vault';
import type { CategoryCatalogue } from './catalogue/category-catalogue';
import { Open311Error } from './open311.errors';

export const OPEN311_OPTIONS = Symbol('OPEN311_OPTIONS');

export interface Open311Options {
  /** NATS for asking routing for the category list (a client of the module's own). */
  natsUrl: string;
  namespace: string;
  /** NODE_ENV=production: the demo key is refused and discovery says `production`. */
  production: boolean;
  /** Region recorded on grievances that arrive by Open311: the county this endpoint serves. */
  regionCode: string;
  /** When set, a request naming another jurisdiction_id is answered 404. */
  jurisdictionId?: string;
  /** The same keys and policy the grievance module registers with. */
  pii: PiiKeys;
  policy: IntakePolicy;
  /** Shown in discovery; defaults to the county petition bureau. */
  contact?: string;
  /** Public base URL of the API (`https://…/open311/v2`) for discovery; else taken from the request. */
  publicUrl?: string;
  /** A fixed catalogue instead of asking routing (tests, or running intake alone). */
  catalogue?: CategoryCatalogue;
}

/** A jurisdiction_id naming somewhere else is a 404, as the spec has it; without one configured any is ignored. */
export function checkJurisdiction(raw: unknown, options: Pick<Open311Options, 'jurisdictionId'>): void {
  if (raw === undefined || raw === '' || options.jurisdictionId === undefined) return;
  if (raw !== options.jurisdictionId) throw Open311Error.notFound(`jurisdiction_id ${String(raw)} 不存在 (jurisdiction_id not found)`);
}
