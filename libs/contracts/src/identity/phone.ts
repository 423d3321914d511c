// Mainland phone numbers as petitioners type them: mobiles (11 digits, 1[3-9]…) with or without
// the +86 / 0086 / 86 country code, and landlines (area code + local number).
import type { BilingualMessage } from './bilingual-message';

export type PhoneKind = 'mobile' | 'landline';
export type PhoneError = 'empty' | 'characters' | 'format';

export type PhoneResult =
  | { ok: true; value: string; kind: PhoneKind }
  | { ok: false; reason: PhoneError };

export const PHONE_ERROR_MESSAGES: Readonly<Record<PhoneError, BilingualMessage>> = {
  empty: { zh: '请填写电话号码', en: 'The phone number is empty' },
  characters: {
    zh: '电话号码只能包含数字、空格、连字符、括号和国家代码+86',
    en: 'A phone number may contain only digits, spaces, hyphens, parentheses and the +86 country code',
  },
  format: {
    zh: '电话号码格式不正确：手机号为1开头的11位数字，座机为区号加7至8位号码',
    en: 'Not a valid number: a mobile has 11 digits starting with 1, a landline an area code plus 7–8 digits',
  },
};

// Separators people type between digit groups, after NFKC has folded full-width forms.
const SEPARATORS = /[\s\-‐‑‒–—()]/g;
const MOBILE = /^1[3-9]\d{9}$/;
// Beijing (010) and 02x cities have 3-digit area codes; every other area code has 4 digits.
// Local numbers never start with 0 or 1.
const LANDLINE = /^(0(?:10|2\d)|0[3-9]\d{2})([2-9]\d{6,7})$/;

/**
 * Validates and normalises a phone number. Mobiles normalise to 11 digits (`13800000000`),
 * landlines to `<area code>-<local number>` (`0571-88888888`).
 */
export function validatePhone(input: string): PhoneResult {
  const compact = input.normalize('NFKC').replace(SEPARATORS, '');
  if (compact === '') return { ok: false, reason: 'empty' };
  if (!/^\+?\d+$/.test(compact)) return { ok: false, reason: 'characters' };

  const national = stripCountryCode(compact);
  if (national === null) return { ok: false, reason: 'format' };
  if (MOBILE.test(national)) return { ok: true, value: national, kind: 'mobile' };

  const landline = LANDLINE.exec(national);
  if (landline !== null) return { ok: true, value: `${landline[1]}-${landline[2]}`, kind: 'landline' };
  return { ok: false, reason: 'format' };
}

/**
 * The national number without the country code. After +86 / 0086 the trunk `0` of an area code
 * is dropped (`+86 10 …` is Beijing), so it is put back. A bare `86` prefix is only taken off
 * when what follows is a mobile: `86…` is otherwise too easily a local number.
 */
function stripCountryCode(compact: string): string | null {
  let rest: string;
  if (compact.startsWith('+86')) rest = compact.slice(3);
  else if (compact.startsWith('+')) return null;
  else if (compact.startsWith('0086')) rest = compact.slice(4);
  else if (compact.startsWith('86') && MOBILE.test(compact.slice(2))) return compact.slice(2);
  else return compact;

  if (MOBILE.test(rest) || rest.startsWith('0')) return rest;
  return `0${rest}`;
}
