import { ConfigError, DataServiceConfig, loadConfig, shownValue } from './index';

describe('loadConfig', () => {
  it('applies defaults and converts numbers', () => {
    const c = loadConfig(DataServiceConfig, { YKB_ACK_WAIT_MS: '2000' });
    expect(c).toMatchObject({ natsUrl: 'nats://127.0.0.1:4222', namespace: '', ackWaitMs: 2000, nodeEnv: 'development' });
  });

  it('lists every problem at once, naming the variable', () => {
    let error: unknown;
    try {
      loadConfig(DataServiceConfig, { NATS_URL: 'http://x', DATABASE_URL: 'mysql://x', YKB_NAMESPACE: 'Bad-Name', LOG_LEVEL: 'loud' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.split(':')[0]).sort()).toEqual(['databaseUrl', 'logLevel', 'namespace', 'natsUrl']);
  });

  it('refuses fault injection in production', () => {
    expect(() => loadConfig(DataServiceConfig, { NODE_ENV: 'production', YKB_FAULT_PAUSE_BEFORE_ACK_MS: '100' })).toThrow(/fault injection/);
    expect(loadConfig(DataServiceConfig, { NODE_ENV: 'test', YKB_FAULT_PAUSE_BEFORE_ACK_MS: '100' }).faultPauseBeforeAckMs).toBe(100);
  });

  it.each([
    ['YKB_FAULT_PAUSE_BEFORE_PUBLISH_MS', 'faultPauseBeforePublishMs'],
    ['YKB_FAULT_PAUSE_BEFORE_MARK_SENT_MS', 'faultPauseBeforeMarkSentMs'],
  ] as const)('refuses the outbox relay fault %s in production, takes it elsewhere', (key, field) => {
    expect(() => loadConfig(DataServiceConfig, { NODE_ENV: 'production', [key]: '100' })).toThrow(new RegExp(`${key}: fault injection`));
    expect(loadConfig(DataServiceConfig, { NODE_ENV: 'production', [key]: '0' })[field]).toBe(0);
    expect(loadConfig(DataServiceConfig, { NODE_ENV: 'test', [key]: '100' })[field]).toBe(100);
  });

  it('never echoes a secret or a URL password into the error', () => {
    expect(shownValue('piiKeys', 'k1:c2VjcmV0')).toBe('a hidden value of 11 characters');
    expect(shownValue('jwtSecret', 'short')).toBe('a hidden value of 5 characters');
    let error: unknown;
    try {
      loadConfig(DataServiceConfig, { DATABASE_URL: 'mysql://ykb:hunter2@db:3306/x' });
    } catch (err) {
      error = err;
    }
    const message = (error as ConfigError).message;
    expect(message).toContain('databaseUrl');
    expect(message).toContain('mysql://ykb:***@db:3306/x');
    expect(message).not.toContain('hunter2');
  });
});
