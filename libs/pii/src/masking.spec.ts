import fc from 'fast-check';
import { maskIdNumber, maskName, maskPhone } from './masking';

const codePoints = (s: string): string[] => Array.from(s);

/** Same length as `original`; each position is either kept (as `kept` says) or a star. */
function expectOnlyKept(masked: string, original: string, kept: (index: number, length: number) => boolean): void {
  const m = codePoints(masked);
  const o = codePoints(original);
  expect(m).toHaveLength(o.length);
  m.forEach((char, i) => expect(char).toBe(kept(i, o.length) ? o[i] : '*'));
}

describe('maskIdNumber', () => {
  it('keeps the first 3 and last 4 characters', () => {
    expect(maskIdNumber('110105199003071234')).toBe('110***********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
    expect(maskIdNumber('110105490101001')).toBe('110********1001');
  });

  it('stars everything when too short to keep 7 characters safely', () => {
    expect(maskIdNumber('')).toBe('');
    expect(maskIdNumber('1234567')).toBe('*******');
    expect(maskIdNumber('11010519900307')).toBe('**************');
  });

  it('never reveals more than first 3 + last 4 and preserves length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (input) => {
        const masked = maskIdNumber(input);
        const long = codePoints(input).length >= 15;
        expectOnlyKept(masked, input, (i, n) => long && (i < 3 || i >= n - 4));
      }),
    );
  });
});

describe('maskPhone', () => {
  it('masks mobiles and landlines', () => {
    expect(maskPhone('13800000000')).toBe('138****0000');
    expect(maskPhone('13912345678')).toBe('139****5678');
    expect(maskPhone('0571-88887654')).toBe('0571-******54');
    expect(maskPhone('010-62345678')).toBe('010-******78');
    expect(maskPhone('0571-8887654')).toBe('0571-*****54');
  });

  it('masks the canonical form of a formatted number', () => {
    expect(maskPhone('+86 139 1234 5678')).toBe('139****5678');
    expect(maskPhone('(0571) 8888 7654')).toBe('0571-******54');
  });

  it('stars anything that is not a phone number, keeping its length', () => {
    expect(maskPhone('12345')).toBe('*****');
    expect(maskPhone('电话号码')).toBe('****');
    expect(maskPhone('')).toBe('');
  });

  it('never reveals more than first 3 + last 4 of a mobile and preserves length', () => {
    const mobile = fc
      .tuple(fc.integer({ min: 3, max: 9 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }))
      .map(([second, rest]) => `1${second}${rest.join('')}`);
    fc.assert(
      fc.property(mobile, (number) => {
        expectOnlyKept(maskPhone(number), number, (i, n) => i < 3 || i >= n - 4);
      }),
    );
  });

  it('never reveals more than area code + last 2 of a landline and preserves length', () => {
    const landline = fc
      .tuple(
        fc.constantFrom('010', '021', '0571', '0755', '0931'),
        fc.integer({ min: 2, max: 9 }),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 6, maxLength: 7 }),
      )
      .map(([area, first, rest]) => `${area}-${first}${rest.join('')}`);
    fc.assert(
      fc.property(landline, (number) => {
        const dash = number.indexOf('-');
        expectOnlyKept(maskPhone(number), number, (i, n) => i <= dash || i >= n - 2);
      }),
    );
  });

  it('is total and never longer than the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (input) => {
        expect(codePoints(maskPhone(input)).length).toBeLessThanOrEqual(codePoints(input).length);
      }),
    );
  });
});

describe('maskName', () => {
  it('keeps the first character, and the last of names of three or more', () => {
    expect(maskName('高建国')).toBe('高*国');
    expect(maskName('张三丰')).toBe('张*丰');
    expect(maskName('李四')).toBe('李*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('买买提·艾力')).toBe('买****力');
  });

  it('stars a one-character name entirely and leaves the empty name empty', () => {
    expect(maskName('王')).toBe('*');
    expect(maskName('')).toBe('');
  });

  it('counts characters outside the BMP as one', () => {
    expect(maskName('𠀀𠀁𠀂')).toBe('𠀀*𠀂');
  });

  it('never reveals more than the first character (and the last of three or more) and preserves length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20, unit: 'grapheme' }), (input) => {
        expectOnlyKept(maskName(input), input, (i, n) => (n >= 2 && i === 0) || (n >= 3 && i === n - 1));
      }),
    );
  });
});
