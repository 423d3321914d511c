// Config fields for the keys that protect personal information. Every data service that stores
// PII reads its keys the same way: `<SERVICE>_PII_KEYS` (a key ring, see PiiCipher.fromKeyRing)
// and, where it indexes, `<SERVICE>_BLIND_INDEX_KEY`. Unset outside production means the service's
// development key; production refuses to start without real keys.
import { Expose } from 'class-transformer';
import { registerDecorator, ValidateIf } from 'class-validator';
import { PiiCipher } from './pii-cipher';

const MIN_BLIND_INDEX_KEY_BYTES = 32;
const BASE64_ANY = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** Why a key ring cannot be used, or null. Messages never contain key material. */
export function keyRingProblem(spec: unknown): string | null {
  if (typeof spec !== 'string') return 'required in production: keyId:base64key[,keyId:base64key...]';
  try {
    PiiCipher.fromKeyRing(spec);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Why a blind-index key cannot be used, or null. */
export function blindIndexKeyProblem(key: unknown): string | null {
  if (typeof key !== 'string') return `required in production: base64 of at least ${MIN_BLIND_INDEX_KEY_BYTES} bytes`;
  if (!BASE64_ANY.test(key)) return 'not base64';
  const bytes = Buffer.from(key, 'base64').length;
  return bytes < MIN_BLIND_INDEX_KEY_BYTES ? `decodes to ${bytes} bytes, at least ${MIN_BLIND_INDEX_KEY_BYTES} needed` : null;
}

function keyField(envName: string, name: string, problem: (value: unknown) => string | null) {
  return function (target: object, key: string): void {
    Expose({ name: envName })(target, key);
    ValidateIf((config: Record<string, unknown>) => config.nodeEnv === 'production' || config[key] !== undefined)(target, key);
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: key,
      options: { message: (args) => `${envName}: ${problem(args.value) ?? 'invalid'}` },
      validator: { validate: (value: unknown) => problem(value) === null },
    });
  };
}

/** A key ring `keyId:base64key[,…]` read from `envName`; the first key encrypts, every key decrypts. */
export function piiKeyRingField(envName: string) {
  return keyField(envName, 'piiKeyRing', keyRingProblem);
}

/** A base64 key of at least 32 bytes for blind indexes, read from `envName`. */
export function blindIndexKeyField(envName: string) {
  return keyField(envName, 'blindIndexKey', blindIndexKeyProblem);
}
