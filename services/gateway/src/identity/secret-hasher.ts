import * as argon2 from 'argon2';

/**
 * argon2id at OWASP's minimum (19 MiB, 2 passes, 1 lane): a few tens of milliseconds per check
 * and bounded memory on a 2-core machine, while a stolen table stays expensive to crack.
 */
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Passwords and client secrets are hashed the same way; the parameters travel in the encoded hash. */
export function hashSecret(plain: string): Promise<string> {
  return argon2.hash(plain, ARGON2_OPTIONS);
}

/** False for a wrong secret and for a hash that is not argon2 (never throws on bad data). */
export async function verifySecret(hash: string, plain: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
}

let decoy: Promise<string> | undefined;

/**
 * Spends what a real check spends when there is no such user or client, so the answer time does
 * not tell an attacker which names exist. Always false.
 */
export async function verifyAgainstDecoy(plain: string): Promise<false> {
  decoy ??= hashSecret('decoy-secret-that-matches-nothing');
  await verifySecret(await decoy, plain);
  return false;
}
