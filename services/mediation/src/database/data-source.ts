import { MessagingTables1732300000000 } from '@yikouban/messaging';
import { serviceDataSourceOptions } from '@yikouban/persistence';
import { MediationDirectory1732300000300 } from './migrations/1732300000300-MediationDirectory';
import { Handoffs1732300000310 } from './migrations/1732300000310-Handoffs';
import { HandoffFromRedirect1732300000311 } from './migrations/1732300000311-HandoffFromRedirect';

export const MEDIATION_SCHEMA = 'mediation';

/** The one data source definition, shared by the app and the migrate/seed command. Raw SQL, no entities. */
export function mediationDataSourceOptions(url: string) {
  return serviceDataSourceOptions({
    url,
    schema: MEDIATION_SCHEMA,
    entities: [],
    migrations: [MessagingTables1732300000000, MediationDirectory1732300000300, Handoffs1732300000310, HandoffFromRedirect1732300000311],
  });
}
