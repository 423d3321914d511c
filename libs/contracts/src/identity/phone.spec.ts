import fc from 'fast-check';
import { PHONE_ERROR_MESSAGES, validatePhone } from './phone';

/** Valid mainland mobile numbers: 1[3-9] + 9 digits. */
const mobileNumber = fc
  .tuple(fc.integer({ min: 3, max: 9 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }))
  .map(([second, rest]) => `1${second}${rest.join('')}`);

describe('validatePhone: mobiles', () => {
  it.each([
    ['13800000000', '13800000000'],
    ['+86 138 0000 0000', '13800000000'],
    ['+8613800000000', '13800000000'],
    ['0086-138-0000-0000', '13800000000'],
    ['86 13800000000', '13800000000'],
    ['8613800000000', '13800000000'],
    ['138-0000-0000', '13800000000'],
    ['（+86）１３８００００００００', '13800000000'],
    ['  19912345678\t', '19912345678'],
  ])('%s → %s', (input, value) => {
    expect(validatePhone(input)).toEqual({ ok: true, value, kind: 'mobile' });
  });

  it.each([
    ['12800000000', 'format'], // second digit must be 3-9
    ['1380000000', 'format'],
    ['138000000000', 'format'],
    ['+1 415 555 0100', 'format'],
    ['+44 13800000000', 'format'],
    ['138 0000 000a', 'characters'],
    ['138.0000.0000', 'characters'],
    ['138+00000000', 'characters'],
    ['', 'empty'],
    [' - ', 'empty'],
  ] as const)('rejects %s with %s', (input, reason) => {
    expect(validatePhone(input)).toEqual({ ok: false, reason });
  });
});

describe('validatePhone: landlines', () => {
  it.each([
    ['010-62345678', '010-62345678'],
    ['0571-88888888', '0571-88888888'],
    ['057188888888', '0571-88888888'],
    ['0571 8888888', '0571-8888888'],
    ['(0571)88888888', '0571-88888888'],
    ['021-66668888', '021-66668888'],
    ['02166668888', '021-66668888'],
    ['+86 571 88888888', '0571-88888888'],
    ['+86 10 62345678', '010-62345678'],
    ['0086 0571 88888888', '0571-88888888'],
  ])('%s → %s', (input, value) => {
    expect(validatePhone(input)).toEqual({ ok: true, value, kind: 'landline' });
  });

  // Local numbers never start with 0 or 1; 01x other than 010 is not an area code.
  it.each(['010-12345678', '0571-888888', '0571-888888888', '0571-08888888', '88888888', '0123-88888888'])('rejects %s', (input) => {
    expect(validatePhone(input)).toEqual({ ok: false, reason: 'format' });
  });
});

describe('validatePhone properties', () => {
  it('valid mobiles round-trip through formatting variants', () => {
    const variant = fc.constantFrom(
      (n: string) => n,
      (n: string) => `+86${n}`,
      (n: string) => `+86 ${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`,
      (n: string) => `0086${n}`,
      (n: string) => `86${n}`,
      (n: string) => `${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`,
      (n: string) => ` +86-${n} `,
    );
    fc.assert(
      fc.property(mobileNumber, variant, (number, format) => {
        expect(validatePhone(format(number))).toEqual({ ok: true, value: number, kind: 'mobile' });
      }),
    );
  });

  it('the normalised value is a fixed point', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789+- 86'), maxLength: 18 }), (input) => {
        const first = validatePhone(input);
        if (first.ok) expect(validatePhone(first.value)).toEqual(first);
      }),
    );
  });

  it('has a Chinese and an English message for every reason', () => {
    for (const message of Object.values(PHONE_ERROR_MESSAGES)) {
      expect(message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(message.en).toMatch(/[A-Za-z]/);
    }
  });
});
