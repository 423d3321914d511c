import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { PiiCipher, PiiCipherError, type PiiCipherErrorCode } from './pii-cipher';

const key = (): string => randomBytes(32).toString('base64');
const OLD = key();
const NEW = key();

function expectCode(fn: () => unknown, code: PiiCipherErrorCode): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(PiiCipherError);
  expect((caught as PiiCipherError).code).toBe(code);
}

describe('PiiCipher.fromKeyRing', () => {
  it('takes the first key as the current one', () => {
    expect(PiiCipher.fromKeyRing(`k2:${NEW}, k1:${OLD}`).currentKeyId).toBe('k2');
  });

  it('accepts base64url keys', () => {
    const cipher = PiiCipher.fromKeyRing(`k1:${randomBytes(32).toString('base64url')}`);
    expect(cipher.decrypt(cipher.encrypt('x'))).toBe('x');
  });

  it.each([
    ['', 'key_ring_empty'],
    [' , ', 'key_ring_empty'],
    [`k1${OLD}`.replace(':', ''), 'key_ring_format'],
    [`k.1:${OLD}`, 'key_id_invalid'],
    [`:${OLD}`, 'key_id_invalid'],
    [`k1:${OLD},k1:${NEW}`, 'key_id_duplicate'],
    [`k1:${randomBytes(16).toString('base64')}`, 'key_length'],
    [`k1:${randomBytes(33).toString('base64')}`, 'key_length'],
    ['k1:', 'key_length'],
    [`k1:${OLD.slice(0, 20)}!${OLD.slice(21)}`, 'key_length'],
  ] as const)('rejects %j with %s', (spec, code) => {
    expectCode(() => PiiCipher.fromKeyRing(spec), code);
  });

  it('never puts key material in its errors', () => {
    const short = randomBytes(31).toString('base64');
    try {
      PiiCipher.fromKeyRing(`k1:${short}`);
      throw new Error('expected a failure');
    } catch (error) {
      expect((error as Error).message).not.toContain(short);
      expect((error as Error).message).toContain('31 bytes');
    }
  });
});

describe('PiiCipher encrypt/decrypt', () => {
  const cipher = PiiCipher.fromKeyRing(`k1:${OLD}`);

  it('round-trips any text, with or without associated data', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.option(fc.string(), { nil: undefined }), (plain, aad) => {
        expect(cipher.decrypt(cipher.encrypt(plain, aad), aad)).toBe(plain);
      }),
      { numRuns: 200 },
    );
  });

  it('writes v1.<keyId>.<iv>.<tag>.<ct> with a fresh iv each time', () => {
    const a = cipher.encrypt('11010519491231002X');
    const b = cipher.encrypt('11010519491231002X');
    expect(a).toMatch(/^v1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{24}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('11010519491231002X');
  });

  it('fails when the associated data differs', () => {
    const token = cipher.encrypt('13800000000', 'petitioner:1:phone');
    expectCode(() => cipher.decrypt(token, 'petitioner:2:phone'), 'authentication_failed');
    expectCode(() => cipher.decrypt(token), 'authentication_failed');
  });

  it('fails on tampering with any character of any part', () => {
    const token = cipher.encrypt('张三丰 13800000000', 'ctx');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    fc.assert(
      fc.property(fc.nat({ max: token.length - 1 }), fc.nat({ max: alphabet.length - 1 }), (position, pick) => {
        const original = token.charAt(position);
        const replacement = alphabet.charAt(pick);
        fc.pre(original !== '.' && replacement !== original);
        const tampered = token.slice(0, position) + replacement + token.slice(position + 1);
        expect(() => cipher.decrypt(tampered, 'ctx')).toThrow(PiiCipherError);
      }),
      { numRuns: 300 },
    );
  });

  it('fails with a clear code on a swapped key id, a malformed token, or truncation', () => {
    const both = PiiCipher.fromKeyRing(`k1:${OLD},k2:${NEW}`);
    const token = both.encrypt('secret');
    expectCode(() => both.decrypt(token.replace('v1.k1.', 'v1.k2.')), 'authentication_failed');
    expectCode(() => both.decrypt(token.replace('v1.k1.', 'v1.k9.')), 'unknown_key');
    expectCode(() => both.decrypt(token.replace('v1.', 'v2.')), 'token_format');
    expectCode(() => both.decrypt(token.split('.').slice(0, 4).join('.')), 'token_format');
    expectCode(() => both.decrypt(`${token}.x`), 'token_format');
    expectCode(() => both.decrypt(token.slice(0, -4)), 'authentication_failed'); // whole bytes cut off
    expectCode(() => both.decrypt(token.slice(0, -2)), 'token_format'); // not a whole number of bytes
    expectCode(() => both.decrypt('not a token'), 'token_format');
  });

  it('rejects a token encrypted under another key with the same id', () => {
    const other = PiiCipher.fromKeyRing(`k1:${NEW}`);
    expectCode(() => other.decrypt(cipher.encrypt('secret')), 'authentication_failed');
  });
});

describe('PiiCipher rotation', () => {
  it('decrypts old tokens with a new ring that lists the old key second, and flags them for rotation', () => {
    const oldRing = PiiCipher.fromKeyRing(`2025:${OLD}`);
    const token = oldRing.encrypt('11010519491231002X', 'petitioner:42:id_number');

    const newRing = PiiCipher.fromKeyRing(`2026:${NEW},2025:${OLD}`);
    expect(newRing.keyIdOf(token)).toBe('2025');
    expect(newRing.needsRotation(token)).toBe(true);
    expect(newRing.decrypt(token, 'petitioner:42:id_number')).toBe('11010519491231002X');

    const rotated = newRing.encrypt(newRing.decrypt(token, 'petitioner:42:id_number'), 'petitioner:42:id_number');
    expect(newRing.keyIdOf(rotated)).toBe('2026');
    expect(newRing.needsRotation(rotated)).toBe(false);
    expectCode(() => oldRing.decrypt(rotated, 'petitioner:42:id_number'), 'unknown_key');
  });

  it('cannot decrypt once the old key leaves the ring', () => {
    const token = PiiCipher.fromKeyRing(`2025:${OLD}`).encrypt('x');
    expectCode(() => PiiCipher.fromKeyRing(`2026:${NEW}`).decrypt(token), 'unknown_key');
  });
});
