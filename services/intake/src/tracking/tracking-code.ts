import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/** No 0/O, 1/I/L: codes are read aloud on the phone and copied from paper receipts. */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

function encode(n: bigint, width: number): string {
  const base = BigInt(TRACKING_ALPHABET.length);
  let out = '';
  let v = n;
  do {
    out = TRACKING_ALPHABET[Number(v % base)] + out;
    v /= base;
  } while (v > 0n);
  return out.padStart(width, TRACKING_ALPHABET[0]);
}

/** Weighted check character so a mistyped code is caught before any look-up. */
function checkChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (i + 1) * body.charCodeAt(i);
  return TRACKING_ALPHABET[sum % TRACKING_ALPHABET.length];
}

/**
 * Human-friendly tracking code: county prefix (first six digits of the region code), two-digit
 * year, a sequence in the unambiguous alphabet, and a check character — e.g. `330621-26-2223F`.
 */
export function formatTrackingCode(regionCode: string, year: number, sequence: bigint): string {
  const prefix = regionCode.replace(/[^0-9A-Za-z]/g, '').slice(0, 6).toUpperCase() || 'YKB';
  const body = `${prefix}-${String(year % 100).padStart(2, '0')}-${encode(sequence, 4)}`;
  return body + checkChar(body);
}

export function isWellFormedTrackingCode(code: string): boolean {
  const m = /^([0-9A-Z]{1,6}-\d{2}-[2-9A-HJKMNP-Z]{4,})([2-9A-HJKMNP-Z])$/.exec(code);
  return !!m && checkChar(m[1]) === m[2];
}

/** The citizen's secret: shown once at submission, kept only as a hash. */
export function newCitizenSecret(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)];
  return s;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret.trim().toUpperCase()).digest('hex');
}

export function secretMatches(secret: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
