// Masks for showing PII to roles that do not need it in full (DESIGN: "masked in every view").
// All functions are total: they never throw, and lengths are counted in Unicode code points.
// When the input does not have the expected shape, nothing is revealed: every character is starred.
import { validatePhone } from '@yikouban/contracts';

const STAR = '*';

/** `110105199003071234` → `110***********1234`: first 3 and last 4 kept (also 15-digit legacy numbers). */
export function maskIdNumber(idNumber: string): string {
  const chars = Array.from(idNumber);
  // Below 15 characters, keeping 7 would reveal half the value: star everything.
  if (chars.length < 15) return stars(chars.length);
  return keepEnds(chars, 3, 4);
}

/**
 * Masks a phone number in its canonical form (see `validatePhone`): a mobile keeps its first 3 and
 * last 4 digits (`138****0000`), a landline its area code and last 2 digits (`0571-******88`).
 * A formatted input (`+86 138 0000 0000`) yields the mask of its canonical form; anything that
 * is not a phone number comes back fully starred with its own length.
 */
export function maskPhone(phone: string): string {
  const parsed = validatePhone(phone);
  if (!parsed.ok) return stars(Array.from(phone).length);
  if (parsed.kind === 'mobile') return keepEnds(Array.from(parsed.value), 3, 4);
  const [areaCode, local] = parsed.value.split('-') as [string, string];
  return `${areaCode}-${keepEnds(Array.from(local), 0, 2)}`;
}

/**
 * `高建国` → `高*国`, `李四` → `李*`, `欧阳娜娜` → `欧**娜`: the first character (usually the
 * surname) and, in names of three or more, the last are kept — enough for staff to tell two
 * petitioners apart, too little to identify one. A one-character name comes back as `*`.
 */
export function maskName(name: string): string {
  const chars = Array.from(name);
  if (chars.length < 2) return stars(chars.length);
  return keepEnds(chars, 1, chars.length >= 3 ? 1 : 0);
}

function keepEnds(chars: readonly string[], head: number, tail: number): string {
  const middle = chars.length - head - tail;
  return chars.slice(0, head).join('') + stars(middle) + chars.slice(chars.length - tail).join('');
}

function stars(count: number): string {
  return STAR.repeat(Math.max(0, count));
}
