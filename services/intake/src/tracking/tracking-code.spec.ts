import fc from 'fast-check';
import { formatTrackingCode, hashSecret, isWellFormedTrackingCode, newCitizenSecret, secretMatches, TRACKING_ALPHABET } from './tracking-code';

describe('tracking code', () => {
  it('has the county prefix, the year and a check character', () => {
    const code = formatTrackingCode('330621101201', 2026, 1n);
    expect(code).toMatch(/^330621-26-2223.$/);
    expect(isWellFormedTrackingCode(code)).toBe(true);
  });

  it('never uses ambiguous characters and is unique per sequence', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.bigInt({ min: 0n, max: 10n ** 12n }), (a, b) => {
        const ca = formatTrackingCode('330621', 2026, a);
        expect(ca.split('-').slice(2).join('')).not.toMatch(/[01ILO]/);
        expect(isWellFormedTrackingCode(ca)).toBe(true);
        if (a !== b) expect(ca).not.toBe(formatTrackingCode('330621', 2026, b));
      }),
    );
  });

  it('catches a single mistyped character', () => {
    const code = formatTrackingCode('330621', 2026, 123456n);
    const last = code.length - 2;
    const replacement = TRACKING_ALPHABET.split('').find((c) => c !== code[last]) as string;
    const typo = code.slice(0, last) + replacement + code.slice(last + 1);
    expect(isWellFormedTrackingCode(typo)).toBe(false);
  });

  it('keeps only a hash of the secret and compares case-insensitively', () => {
    const secret = newCitizenSecret();
    expect(secret).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(hashSecret(secret)).not.toContain(secret);
    expect(secretMatches(secret.toLowerCase(), hashSecret(secret))).toBe(true);
    expect(secretMatches('WRONG234', hashSecret(secret))).toBe(false);
  });
});
