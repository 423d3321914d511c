// Authenticated encryption of personal information at rest (DESIGN: "ID numbers and phone numbers
// are encrypted at rest"). AES-256-GCM; the key id travels inside each token so keys can rotate:
// the first key of the ring encrypts, every key of the ring decrypts.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { BilingualMessage } from '@yikouban/contracts';

export type PiiCipherErrorCode =
  | 'key_ring_empty'
  | 'key_ring_format'
  | 'key_id_invalid'
  | 'key_id_duplicate'
  | 'key_length'
  | 'token_format'
  | 'unknown_key'
  | 'authentication_failed';

export const PII_CIPHER_ERROR_MESSAGES: Readonly<Record<PiiCipherErrorCode, BilingualMessage>> = {
  key_ring_empty: { zh: '密钥环为空', en: 'The key ring is empty' },
  key_ring_format: {
    zh: '密钥环格式应为 keyId:base64密钥[,keyId:base64密钥...]',
    en: 'The key ring must look like keyId:base64key[,keyId:base64key...]',
  },
  key_id_invalid: {
    zh: '密钥编号只能包含字母、数字、下划线和连字符（1至32位）',
    en: 'A key id may contain only letters, digits, underscores and hyphens (1–32 characters)',
  },
  key_id_duplicate: { zh: '密钥编号重复', en: 'A key id is listed twice' },
  key_length: { zh: '密钥须为 base64 编码的32字节', en: 'A key must be base64 that decodes to exactly 32 bytes' },
  token_format: { zh: '密文格式无效', en: 'The ciphertext is not a valid v1 token' },
  unknown_key: { zh: '密文所用密钥不在密钥环中', en: 'The ciphertext was made with a key not in the key ring' },
  authentication_failed: {
    zh: '密文校验失败：已被篡改或密钥、关联数据不符',
    en: 'Decryption failed: the ciphertext was tampered with, or the key or associated data does not match',
  },
};

/** Carries a code and a bilingual message; never the key material or the plaintext. */
export class PiiCipherError extends Error {
  constructor(
    readonly code: PiiCipherErrorCode,
    detail?: string,
  ) {
    const message = PII_CIPHER_ERROR_MESSAGES[code];
    super(`${message.zh} / ${message.en}${detail === undefined ? '' : ` (${detail})`}`);
    this.name = 'PiiCipherError';
  }
}

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

interface ParsedToken {
  readonly keyId: string;
  readonly iv: Buffer;
  readonly tag: Buffer;
  readonly ciphertext: Buffer;
}

export class PiiCipher {
  private constructor(
    private readonly keys: ReadonlyMap<string, Buffer>,
    readonly currentKeyId: string,
  ) {}

  /** Parses `keyId:base64key[,keyId:base64key...]`; the first key is the one that encrypts. */
  static fromKeyRing(spec: string): PiiCipher {
    const entries = spec
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    if (entries.length === 0) throw new PiiCipherError('key_ring_empty');

    const keys = new Map<string, Buffer>();
    for (const [position, entry] of entries.entries()) {
      const separator = entry.indexOf(':');
      if (separator < 0) throw new PiiCipherError('key_ring_format', `entry ${position + 1}`);
      const keyId = entry.slice(0, separator);
      const encoded = entry.slice(separator + 1);
      if (!KEY_ID.test(keyId)) throw new PiiCipherError('key_id_invalid', `entry ${position + 1}`);
      if (keys.has(keyId)) throw new PiiCipherError('key_id_duplicate', keyId);
      keys.set(keyId, decodeKey(keyId, encoded));
    }
    return new PiiCipher(keys, [...keys.keys()][0] as string);
  }

  /**
   * Encrypts with the current key. `aad` binds the value to its context (say, petitioner id and
   * field) so a token copied onto another row fails to decrypt.
   */
  encrypt(plain: string, aad?: string): string {
    const key = this.keys.get(this.currentKeyId) as Buffer;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedData(this.currentKeyId, aad));
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, this.currentKeyId, b64url(iv), b64url(tag), b64url(ciphertext)].join('.');
  }

  decrypt(token: string, aad?: string): string {
    const parsed = parseToken(token);
    const key = this.keys.get(parsed.keyId);
    if (key === undefined) throw new PiiCipherError('unknown_key', parsed.keyId);
    const decipher = createDecipheriv(ALGORITHM, key, parsed.iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(parsed.keyId, aad));
    decipher.setAuthTag(parsed.tag);
    try {
      const plain = Buffer.concat([decipher.update(parsed.ciphertext), decipher.final()]);
      return plain.toString('utf8');
    } catch {
      throw new PiiCipherError('authentication_failed');
    }
  }

  keyIdOf(token: string): string {
    return parseToken(token).keyId;
  }

  /** True when the token was made with a key other than the current one and should be re-encrypted. */
  needsRotation(token: string): boolean {
    return this.keyIdOf(token) !== this.currentKeyId;
  }
}

function decodeKey(keyId: string, encoded: string): Buffer {
  // Node's decoder skips characters it does not know; check the alphabet first so a typo is caught.
  // Standard base64 (padded) and base64url (unpadded) are both accepted.
  const key = BASE64.test(encoded)
    ? Buffer.from(encoded, 'base64')
    : BASE64URL.test(encoded)
      ? Buffer.from(encoded, 'base64url')
      : null;
  if (key === null || key.length !== KEY_BYTES) {
    throw new PiiCipherError('key_length', `key ${keyId}: ${key === null ? 'not base64' : `${key.length} bytes`}`);
  }
  return key;
}

// The header is authenticated too, so the key id cannot be swapped without detection.
function associatedData(keyId: string, aad: string | undefined): Buffer {
  return Buffer.from(`${VERSION}.${keyId}\u0000${aad ?? ''}`, 'utf8');
}

function parseToken(token: string): ParsedToken {
  const parts = token.split('.');
  if (parts.length !== 5) throw new PiiCipherError('token_format', 'expected 5 dot-separated parts');
  const [version, keyId, iv, tag, ciphertext] = parts as [string, string, string, string, string];
  if (version !== VERSION) throw new PiiCipherError('token_format', 'unknown version');
  if (!KEY_ID.test(keyId)) throw new PiiCipherError('token_format', 'bad key id');
  const parsed = {
    keyId,
    iv: strictB64url(iv, 'iv'),
    tag: strictB64url(tag, 'tag'),
    ciphertext: strictB64url(ciphertext, 'ciphertext'),
  };
  if (parsed.iv.length !== IV_BYTES) throw new PiiCipherError('token_format', 'iv length');
  if (parsed.tag.length !== TAG_BYTES) throw new PiiCipherError('token_format', 'tag length');
  return parsed;
}

// Only the canonical encoding is accepted: otherwise a changed padding bit would decode to the
// same bytes and a tampered token would still decrypt.
function strictB64url(part: string, name: string): Buffer {
  const bytes = BASE64URL.test(part) ? Buffer.from(part, 'base64url') : null;
  if (bytes === null || b64url(bytes) !== part) throw new PiiCipherError('token_format', `${name} is not base64url`);
  return bytes;
}

function b64url(bytes: Buffer): string {
  return bytes.toString('base64url');
}
