import { serviceDataSourceOptions } from '@yikouban/persistence';
import { IDENTITY_ENTITIES } from '../identity/entities';
import { CreateIdentity1732300000900 } from './migrations/1732300000900-CreateIdentity';
import { RateLimitHits1732300000910 } from './migrations/1732300000910-RateLimitHits';

export const GATEWAY_SCHEMA = 'gateway';

/** The gateway's own schema: users, roles, API clients, refresh tokens, the audit log. Nothing else. */
export function gatewayDataSourceOptions(url: string) {
  return serviceDataSourceOptions({
    url,
    schema: GATEWAY_SCHEMA,
    entities: IDENTITY_ENTITIES,
    migrations: [CreateIdentity1732300000900, RateLimitHits1732300000910],
    // Sign-ins and token checks are light; the gateway's real work goes over NATS.
    poolSize: 5,
  });
}
