// Chinese resident identity number (居民身份证号码), GB 11643-1999: 6-digit region code,
// 8-digit birth date, 3-digit sequence (odd = male), ISO 7064 MOD 11-2 check character.
import type { BilingualMessage } from './bilingual-message';

export type IdNumberError = 'length' | 'characters' | 'province' | 'birth_date' | 'checksum';

export type IdNumberResult =
  | { ok: true; value: string; birthDate: string; sex: 'male' | 'female' }
  | { ok: false; reason: IdNumberError };

export interface IdNumberOptions {
  /** The moment "now" for the not-in-the-future rule; injected so tests are deterministic. */
  readonly now?: Date;
}

export const ID_NUMBER_ERROR_MESSAGES: Readonly<Record<IdNumberError, BilingualMessage>> = {
  length: { zh: '身份证号码应为18位', en: 'The ID number must be 18 characters long' },
  characters: {
    zh: '身份证号码前17位须为数字，末位须为数字或X',
    en: 'The first 17 characters must be digits and the last a digit or X',
  },
  province: { zh: '身份证号码的地区码无效', en: 'The region code of the ID number is not a valid province' },
  birth_date: { zh: '身份证号码中的出生日期无效', en: 'The birth date in the ID number is not a valid date' },
  checksum: { zh: '身份证号码校验码不正确', en: 'The check character of the ID number does not match' },
};

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const MIN_BIRTH_YEAR = 1900;
// Mainland provinces, Taiwan (71), Hong Kong (81), Macao (82).
const PROVINCE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [11, 15], [21, 23], [31, 37], [41, 46], [50, 54], [61, 65], [71, 71], [81, 82],
];
// Birth dates are Beijing dates; compare "not in the future" on the UTC+8 calendar.
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** ISO 7064 MOD 11-2 check character for the first 17 digits. Throws on anything but 17 digits. */
export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError('idNumberCheckChar expects exactly 17 digits');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  }
  return CHECK_CHARS.charAt(sum % 11);
}

export function isValidProvinceCode(code: number): boolean {
  return PROVINCE_RANGES.some(([lo, hi]) => code >= lo && code <= hi);
}

/** Validates and normalises an 18-character ID number: full-width digits folded (NFKC), trimmed, X upper-cased. */
export function validateIdNumber(input: string, options: IdNumberOptions = {}): IdNumberResult {
  const value = input.normalize('NFKC').trim().toUpperCase();
  if (value.length !== 18) return { ok: false, reason: 'length' };
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, reason: 'characters' };
  if (!isValidProvinceCode(Number(value.slice(0, 2)))) return { ok: false, reason: 'province' };

  const birthDate = parseBirthDate(value.slice(6, 14), options.now ?? new Date());
  if (birthDate === null) return { ok: false, reason: 'birth_date' };

  if (idNumberCheckChar(value.slice(0, 17)) !== value.charAt(17)) return { ok: false, reason: 'checksum' };

  const sex = Number(value.charAt(16)) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value, birthDate, sex };
}

/** `YYYYMMDD` → `YYYY-MM-DD` if it is a real calendar date in [1900-01-01, today]; else null. */
function parseBirthDate(yyyymmdd: string, now: Date): string | null {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < MIN_BIRTH_YEAR || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;

  const beijingNow = new Date(now.getTime() + BEIJING_OFFSET_MS);
  const today = Date.UTC(beijingNow.getUTCFullYear(), beijingNow.getUTCMonth(), beijingNow.getUTCDate());
  if (date.getTime() > today) return null;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}
