import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Compact HS256 JWTs on node:crypto. Only HS256 is ever accepted (no `none`, no algorithm
 * chosen by the token), the signature is checked in constant time before the payload is read,
 * and `exp`, `iss` and `aud` are required. (jose is ESM-only and the unit tests run as CommonJS.)
 */
export type JwtClaims = Record<string, unknown> & { iss: string; aud: string; iat: number; exp: number };

export type JwtFailure = 'malformed' | 'algorithm' | 'signature' | 'expired' | 'not_yet_valid' | 'issuer' | 'audience';

export class JwtError extends Error {
  constructor(readonly reason: JwtFailure) {
    super(`invalid token: ${reason}`);
    this.name = 'JwtError';
  }
}

export interface JwtCheck {
  issuer: string;
  audience: string;
  /** Seconds since the epoch. */
  now: number;
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
const SEGMENT = /^[A-Za-z0-9_-]+$/;

function mac(input: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(input).digest();
}

function parseObject(segment: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    throw new JwtError('malformed');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new JwtError('malformed');
  return value as Record<string, unknown>;
}

export function signHs256(claims: JwtClaims, secret: string): string {
  const input = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${input}.${mac(input, secret).toString('base64url')}`;
}

/** The claims of a token this secret signed, still valid at `check.now`; otherwise a JwtError saying why. */
export function verifyHs256(token: string, secret: string, check: JwtCheck): JwtClaims {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((p) => SEGMENT.test(p))) throw new JwtError('malformed');
  const [header, payload, signature] = parts;
  const h = parseObject(header);
  if (h.alg !== 'HS256' || (h.typ !== undefined && h.typ !== 'JWT') || h.crit !== undefined) throw new JwtError('algorithm');
  // Compared as text: base64url has spare bits, so two spellings could decode to the same bytes.
  const given = Buffer.from(signature);
  const expected = Buffer.from(mac(`${header}.${payload}`, secret).toString('base64url'));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new JwtError('signature');
  const claims = parseObject(payload);
  if (typeof claims.exp !== 'number' || typeof claims.iat !== 'number') throw new JwtError('malformed');
  if (check.now >= claims.exp) throw new JwtError('expired');
  if (typeof claims.nbf === 'number' && check.now < claims.nbf) throw new JwtError('not_yet_valid');
  if (claims.iss !== check.issuer) throw new JwtError('issuer');
  if (claims.aud !== check.audience) throw new JwtError('audience');
  return claims as JwtClaims;
}
