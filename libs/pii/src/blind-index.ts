// Blind index: a keyed hash stored beside an encrypted value so that "find the petitioner with
// this ID number / phone" works without decrypting every row. Keyed (HMAC) so that the small
// space of ID numbers and phones cannot be brute-forced from the index alone.
import { createHmac } from 'node:crypto';
import { validatePhone } from '@yikouban/contracts';

export type BlindIndexField = 'id_number' | 'phone';

const DOMAIN = 'yikouban.blind-index.v1';
const MIN_KEY_BYTES = 32;

/** The form that is hashed: equal values in different spellings must give one index. */
export function normaliseForBlindIndex(field: BlindIndexField, value: string): string {
  if (field === 'id_number') {
    // No checksum test here: legacy records may hold 15-digit or mistyped numbers that must stay findable.
    return value.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  }
  const phone = validatePhone(value);
  if (!phone.ok) {
    throw new RangeError(`blindIndex: not a phone number (${phone.reason}); validate before indexing`);
  }
  return phone.value;
}

/**
 * HMAC-SHA256 (hex) of the normalised value, domain-separated by field: the same digits indexed
 * as `id_number` and as `phone` give unrelated indexes.
 */
export function blindIndex(key: Buffer, field: BlindIndexField, value: string): string {
  if (key.length < MIN_KEY_BYTES) {
    throw new RangeError(`blindIndex: the key must be at least ${MIN_KEY_BYTES} bytes`);
  }
  const normalised = normaliseForBlindIndex(field, value);
  // NUL cannot occur in a field name, so `field\0value` is unambiguous.
  return createHmac('sha256', key).update(`${DOMAIN}\u0000${field}\u0000${normalised}`, 'utf8').digest('hex');
}
