import fc from 'fast-check';
import { ID_NUMBER_ERROR_MESSAGES, idNumberCheckChar, isValidProvinceCode, validateIdNumber } from './id-number';

const NOW = new Date('2026-06-15T12:00:00+08:00');
const PROVINCES = [
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65, 71, 81, 82,
];

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** 17 digits with a valid province and birth date, plus the computed check char. */
const validIdNumber = fc
  .record({
    province: fc.constantFrom(...PROVINCES),
    region: fc.integer({ min: 0, max: 9999 }),
    birth: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2026-06-14T00:00:00Z'), noInvalidDate: true }),
    sequence: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ province, region, birth, sequence }) => {
    const date = `${pad(birth.getUTCFullYear(), 4)}${pad(birth.getUTCMonth() + 1, 2)}${pad(birth.getUTCDate(), 2)}`;
    const first17 = `${province}${pad(region, 4)}${date}${pad(sequence, 3)}`;
    return first17 + idNumberCheckChar(first17);
  });

describe('idNumberCheckChar', () => {
  it('computes the MOD 11-2 check char of published samples', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(idNumberCheckChar('44052418800101001')).toBe('4');
    expect(idNumberCheckChar('11010520000229001')).toBe('3');
  });

  it('rejects anything but 17 digits', () => {
    expect(() => idNumberCheckChar('1101051949123100')).toThrow(RangeError);
    expect(() => idNumberCheckChar('1101051949123100A')).toThrow(RangeError);
  });
});

describe('validateIdNumber', () => {
  it('accepts a valid number and reads birth date and sex', () => {
    expect(validateIdNumber('11010519491231002X', { now: NOW })).toEqual({
      ok: true,
      value: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
    });
    expect(validateIdNumber('320106198505120425', { now: NOW })).toMatchObject({ ok: true, sex: 'female' });
    expect(validateIdNumber('110105200002290013', { now: NOW })).toMatchObject({
      ok: true,
      birthDate: '2000-02-29',
      sex: 'male',
    });
  });

  it('normalises a lowercase x, full-width digits and surrounding whitespace', () => {
    expect(validateIdNumber(' 11010519491231002x ', { now: NOW })).toMatchObject({ ok: true, value: '11010519491231002X' });
    expect(validateIdNumber('１１０１０５１９４９１２３１００２ｘ', { now: NOW })).toMatchObject({
      ok: true,
      value: '11010519491231002X',
    });
  });

  it.each([
    ['11010519491231002', 'length'],
    ['11010519491231002X1', 'length'],
    ['', 'length'],
    ['1101051949123100XX', 'characters'],
    ['11010519491231002Y', 'characters'],
    ['1101051949123 002X', 'characters'],
    ['11010519491231002-', 'characters'],
    ['990105194912310021', 'province'],
    ['160105194912310021', 'province'],
    ['110105190002290011', 'birth_date'], // 1900 was not a leap year
    ['110105200102290011', 'birth_date'],
    ['110105199013010011', 'birth_date'],
    ['110105199001000011', 'birth_date'],
    ['110105189912310011', 'birth_date'], // before 1900
    ['440524188001010014', 'birth_date'], // the classic 1880 sample: checksum right, year before 1900
    ['110105202606160011', 'birth_date'], // tomorrow in Beijing
    ['110105194912310021', 'checksum'],
  ] as const)('rejects %s with %s', (input, reason) => {
    expect(validateIdNumber(input, { now: NOW })).toEqual({ ok: false, reason });
  });

  it('treats "today" on the Beijing calendar', () => {
    const first17 = '11010520260615001';
    const id = first17 + idNumberCheckChar(first17);
    // 2026-06-14T17:00Z is already 06-15 in Beijing.
    expect(validateIdNumber(id, { now: new Date('2026-06-14T17:00:00Z') }).ok).toBe(true);
    expect(validateIdNumber(id, { now: new Date('2026-06-14T15:59:59Z') })).toEqual({ ok: false, reason: 'birth_date' });
  });

  it('has a Chinese and an English message for every reason', () => {
    for (const message of Object.values(ID_NUMBER_ERROR_MESSAGES)) {
      expect(message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(message.en).toMatch(/[A-Za-z]/);
    }
  });

  it('knows the province ranges', () => {
    expect([10, 16, 20, 24, 30, 38, 40, 47, 49, 55, 60, 66, 70, 72, 80, 83, 91].some(isValidProvinceCode)).toBe(false);
    expect(PROVINCES.every(isValidProvinceCode)).toBe(true);
  });
});

describe('validateIdNumber properties', () => {
  it('any 17 digits with a valid province and date plus the computed check char validate', () => {
    fc.assert(
      fc.property(validIdNumber, (id) => {
        const result = validateIdNumber(id, { now: NOW });
        expect(result).toMatchObject({ ok: true, value: id });
        expect(result.ok && result.birthDate.replaceAll('-', '')).toBe(id.slice(6, 14));
      }),
    );
  });

  it('changing any single character invalidates a valid number', () => {
    fc.assert(
      fc.property(
        validIdNumber,
        fc.integer({ min: 0, max: 17 }),
        fc.integer({ min: 1, max: 10 }),
        (id, position, shift) => {
          const alphabet = position === 17 ? '0123456789X' : '0123456789';
          const current = alphabet.indexOf(id.charAt(position));
          const replacement = alphabet.charAt((current + shift) % alphabet.length);
          fc.pre(replacement !== id.charAt(position));
          const altered = id.slice(0, position) + replacement + id.slice(position + 1);
          expect(validateIdNumber(altered, { now: NOW }).ok).toBe(false);
        },
      ),
    );
  });

  it('the sex follows the parity of the 17th digit', () => {
    fc.assert(
      fc.property(validIdNumber, (id) => {
        const result = validateIdNumber(id, { now: NOW });
        expect(result.ok && result.sex).toBe(Number(id.charAt(16)) % 2 === 1 ? 'male' : 'female');
      }),
    );
  });
});
