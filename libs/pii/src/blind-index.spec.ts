import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { blindIndex, normaliseForBlindIndex } from './blind-index';

const KEY = randomBytes(32);

describe('blindIndex', () => {
  it('is a 64-character hex HMAC-SHA256', () => {
    expect(blindIndex(KEY, 'id_number', '11010519491231002X')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives one index for spellings of the same ID number', () => {
    const expected = blindIndex(KEY, 'id_number', '11010519491231002X');
    expect(blindIndex(KEY, 'id_number', '11010519491231002x')).toBe(expected);
    expect(blindIndex(KEY, 'id_number', ' 11010519491231002X ')).toBe(expected);
    expect(blindIndex(KEY, 'id_number', '１１０１０５１９４９１２３１００２Ｘ')).toBe(expected);
  });

  it('gives one index for spellings of the same phone', () => {
    const expected = blindIndex(KEY, 'phone', '13800000000');
    for (const variant of ['+86 138 0000 0000', '0086-13800000000', '138-0000-0000']) {
      expect(blindIndex(KEY, 'phone', variant)).toBe(expected);
    }
    expect(blindIndex(KEY, 'phone', '057188888888')).toBe(blindIndex(KEY, 'phone', '0571-88888888'));
  });

  it('separates fields: the same digits give different indexes', () => {
    expect(blindIndex(KEY, 'id_number', '13800000000')).not.toBe(blindIndex(KEY, 'phone', '13800000000'));
  });

  it('depends on the key', () => {
    expect(blindIndex(randomBytes(32), 'phone', '13800000000')).not.toBe(blindIndex(KEY, 'phone', '13800000000'));
  });

  it('distinct values give distinct indexes', () => {
    const digits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 17, maxLength: 17 }).map((d) => d.join(''));
    fc.assert(
      fc.property(digits, digits, (a, b) => {
        fc.pre(a !== b);
        expect(blindIndex(KEY, 'id_number', a)).not.toBe(blindIndex(KEY, 'id_number', b));
      }),
    );
  });

  it('refuses short keys and values that are not phones', () => {
    expect(() => blindIndex(randomBytes(16), 'phone', '13800000000')).toThrow(/at least 32 bytes/);
    expect(() => blindIndex(KEY, 'phone', 'not a phone')).toThrow(/not a phone number/);
  });

  it('normalises without hashing for inspection', () => {
    expect(normaliseForBlindIndex('phone', '+86 138 0000 0000')).toBe('13800000000');
    expect(normaliseForBlindIndex('id_number', '11010519491231002x')).toBe('11010519491231002X');
  });
});
