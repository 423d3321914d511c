import { randomBytes } from 'node:crypto';
import { Expose } from 'class-transformer';
import { ConfigError, loadConfig } from '@yikouban/config';
import { blindIndexKeyField, blindIndexKeyProblem, keyRingProblem, piiKeyRingField } from './key-config';

class SampleConfig {
  @Expose({ name: 'NODE_ENV' }) nodeEnv: 'development' | 'production' | 'test' = 'development';
  @piiKeyRingField('SAMPLE_PII_KEYS') piiKeys?: string;
  @blindIndexKeyField('SAMPLE_BLIND_INDEX_KEY') blindIndexKey?: string;
}

const ring = `k1:${randomBytes(32).toString('base64')}`;
const problems = (env: Record<string, string>): string[] => {
  try {
    loadConfig(SampleConfig, env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};

describe('PII key config fields', () => {
  it('leaves both keys optional outside production', () => {
    expect(problems({})).toEqual([]);
    expect(loadConfig(SampleConfig, { SAMPLE_PII_KEYS: ring }).piiKeys).toBe(ring);
  });

  it('requires both keys in production, naming the variable', () => {
    expect(problems({ NODE_ENV: 'production' })).toEqual([
      expect.stringMatching(/^piiKeys: SAMPLE_PII_KEYS: required in production/),
      expect.stringMatching(/^blindIndexKey: SAMPLE_BLIND_INDEX_KEY: required in production/),
    ]);
    expect(problems({ NODE_ENV: 'production', SAMPLE_PII_KEYS: ring, SAMPLE_BLIND_INDEX_KEY: randomBytes(32).toString('base64') })).toEqual([]);
  });

  it('refuses a key ring the cipher could not use, saying why', () => {
    expect(problems({ SAMPLE_PII_KEYS: `k1:${randomBytes(16).toString('base64')}` })).toEqual([expect.stringMatching(/SAMPLE_PII_KEYS: .*32 bytes.*\(key k1: 16 bytes\)/)]);
    expect(keyRingProblem(`k1:${randomBytes(32).toString('base64')},k1:${randomBytes(32).toString('base64')}`)).toMatch(/listed twice/);
    expect(keyRingProblem('no key here')).toMatch(/keyId:base64key/);
    expect(keyRingProblem(ring)).toBeNull();
  });

  it('refuses a short or non-base64 blind-index key', () => {
    expect(blindIndexKeyProblem(randomBytes(16).toString('base64'))).toMatch(/16 bytes/);
    expect(blindIndexKeyProblem('not base64 at all!')).toBe('not base64');
    expect(blindIndexKeyProblem(randomBytes(32).toString('base64url'))).toBeNull();
  });
});
