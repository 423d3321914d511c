import type { CategorySeed } from './classification.types';
import { DISPUTES_AND_OVERSIGHT } from './categories/disputes-and-oversight';
import { ENVIRONMENT_AND_SAFETY } from './categories/environment-and-safety';
import { LABOUR_AND_WELFARE } from './categories/labour-and-welfare';
import { LAND_AND_HOUSING } from './categories/land-and-housing';
import { PUBLIC_SERVICES } from './categories/public-services';

/**
 * Bump when a category's meaning, roads or lead change: grievances and triage decisions record
 * the version they were classified under.
 */
export const DEFAULT_CLASSIFICATION_VERSION = 1;

/**
 * The demo county's 依法分类处理清单 (version 1): what a county really receives, each with its
 * statutory roads in order, the department that leads and the law behind it. Data, not code: an
 * administrator edits the stored copy; this is the first-start default.
 */
export const DEFAULT_CLASSIFICATION_LIST: CategorySeed[] = [
  ...LABOUR_AND_WELFARE,
  ...LAND_AND_HOUSING,
  ...ENVIRONMENT_AND_SAFETY,
  ...PUBLIC_SERVICES,
  ...DISPUTES_AND_OVERSIGHT,
];
