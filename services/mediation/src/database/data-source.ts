import { MessagingTables1732300000000 } from '@yikouban/messaging';
import { serviceDataSourceOptions } from '@yikouban/persistence';

export const MEDIATION_SCHEMA = 'mediation';

/** Handoffs, sessions and agreements arrive with the mediation issue; the outbox and inbox are here from the start. */
export function mediationDataSourceOptions(url: string) {
  return serviceDataSourceOptions({
    url,
    schema: MEDIATION_SCHEMA,
    entities: [],
    migrations: [MessagingTables1732300000000],
  });
}
