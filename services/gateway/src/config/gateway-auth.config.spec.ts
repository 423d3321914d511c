import { ConfigError, loadConfig } from '@yikouban/config';
import { DEV_JWT_SECRET, GatewayConfig } from './gateway.config';

const SECRET = 'a-secret-of-more-than-thirty-two-characters';

describe('GatewayConfig: identity settings', () => {
  it('signs with the development secret only when none is given outside production', () => {
    expect(loadConfig(GatewayConfig, { NODE_ENV: 'test' }).effectiveJwtSecret).toBe(DEV_JWT_SECRET);
    expect(loadConfig(GatewayConfig, { NODE_ENV: 'development', GATEWAY_JWT_SECRET: SECRET }).effectiveJwtSecret).toBe(SECRET);
    expect(loadConfig(GatewayConfig, { NODE_ENV: 'production', GATEWAY_JWT_SECRET: SECRET }).effectiveJwtSecret).toBe(SECRET);
    expect(() => loadConfig(GatewayConfig, { NODE_ENV: 'production' })).toThrow(ConfigError);
  });

  it('has a database of its own, and 15-minute access tokens by default', () => {
    const c = loadConfig(GatewayConfig, { DATABASE_URL: 'postgres://u@db:5432/ykb' });
    expect(c).toMatchObject({ databaseUrl: 'postgres://u@db:5432/ykb', accessTokenTtlSeconds: 900, refreshTokenTtlHours: 12 });
  });

  it('refuses token lifetimes out of bounds and a database URL that is not postgres', () => {
    let error: unknown;
    try {
      loadConfig(GatewayConfig, { GATEWAY_ACCESS_TOKEN_TTL_S: '86400', GATEWAY_REFRESH_TOKEN_TTL_H: '0', DATABASE_URL: 'mysql://x' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.split(':')[0]).sort()).toEqual(['accessTokenTtlSeconds', 'databaseUrl', 'refreshTokenTtlHours']);
  });
});
