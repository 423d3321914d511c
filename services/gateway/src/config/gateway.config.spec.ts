import { ConfigError, loadConfig } from '@yikouban/config';
import { GatewayConfig } from './gateway.config';

const SECRET = 'a-secret-of-more-than-thirty-two-characters';

describe('GatewayConfig', () => {
  it('runs without a JWT secret outside production, with defaults', () => {
    const c = loadConfig(GatewayConfig, { NODE_ENV: 'development' });
    expect(c).toMatchObject({ port: 3000, rpcTimeoutMs: 5000, nodeEnv: 'development' });
    expect(c.jwtSecret).toBeUndefined();
  });

  it('refuses production without GATEWAY_JWT_SECRET, naming it', () => {
    let error: unknown;
    try {
      loadConfig(GatewayConfig, { NODE_ENV: 'production' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([expect.stringMatching(/^jwtSecret: GATEWAY_JWT_SECRET .*required in production/)]);
    expect(loadConfig(GatewayConfig, { NODE_ENV: 'production', GATEWAY_JWT_SECRET: SECRET }).jwtSecret).toBe(SECRET);
  });

  it('refuses a short secret and a bad port in any environment', () => {
    let error: unknown;
    try {
      loadConfig(GatewayConfig, { GATEWAY_JWT_SECRET: 'short', GATEWAY_PORT: '70000' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.split(':')[0]).sort()).toEqual(['jwtSecret', 'port']);
  });

  it('re-checks open live connections every 30 s unless told otherwise, and refuses an interval under a second', () => {
    expect(loadConfig(GatewayConfig, {}).liveAccessCheckSeconds).toBe(30);
    expect(loadConfig(GatewayConfig, { GATEWAY_LIVE_ACCESS_CHECK_S: '5' }).liveAccessCheckSeconds).toBe(5);
    for (const bad of ['0', '-1', '1.5', 'soon', '901']) {
      let error: unknown;
      try {
        loadConfig(GatewayConfig, { GATEWAY_LIVE_ACCESS_CHECK_S: bad });
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect(new Set((error as ConfigError).problems.map((p) => p.split(':')[0]))).toEqual(new Set(['liveAccessCheckSeconds']));
    }
  });
});
