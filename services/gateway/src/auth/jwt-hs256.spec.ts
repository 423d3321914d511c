import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { JwtError, signHs256, verifyHs256, type JwtClaims, type JwtFailure } from './jwt-hs256';

const SECRET = 'a-test-secret-of-more-than-thirty-two-chars';
const CHECK = { issuer: 'iss-a', audience: 'aud-a', now: 1_700_000_100 };
const claims = (extra: Partial<JwtClaims> = {}): JwtClaims => ({ iss: 'iss-a', aud: 'aud-a', iat: 1_700_000_000, exp: 1_700_000_900, sub: 'u-1', ...extra });

function failure(run: () => unknown): JwtFailure | 'none' {
  try {
    run();
    return 'none';
  } catch (err) {
    if (err instanceof JwtError) return err.reason;
    throw err;
  }
}

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
/** A token with any header and payload, signed correctly with HS256 — to show the checks are not only the signature. */
function forge(header: unknown, payload: unknown, secret = SECRET): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

describe('HS256 JWT', () => {
  it('verifies what it signs, for any claims', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }).filter((k) => !['iss', 'aud', 'iat', 'exp', 'nbf', '__proto__'].includes(k)), fc.jsonValue()), (extra) => {
        const c = claims(extra as Partial<JwtClaims>);
        expect(verifyHs256(signHs256(c, SECRET), SECRET, CHECK)).toEqual(JSON.parse(JSON.stringify(c)));
      }),
    );
  });

  it('verifies a token signed by another implementation (jose, RFC 7519)', () => {
    const fromJose =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1LTEiLCJrbmQiOiJzdGFmZiIsInJvbCI6ImNvdXJ0Iiwic2NwIjpbXSwiaXNzIjoieWlrb3ViYW4tZ2F0ZXdheSIsImF1ZCI6Inlpa291YmFuIiwiaWF0IjoxNzAwMDAwMDAwLCJleHAiOjE3MDAwMDA5MDB9.YhAcDPKHdx2dlZcs1txT2mWiyWYOwTZr40MixOOVmhU';
    const secret = 'interop-secret-of-at-least-32-characters!!';
    expect(verifyHs256(fromJose, secret, { issuer: 'yikouban-gateway', audience: 'yikouban', now: 1_700_000_500 })).toMatchObject({ sub: 'u-1', rol: 'court' });
    expect(signHs256({ sub: 'u-1', knd: 'staff', rol: 'court', scp: [], iss: 'yikouban-gateway', aud: 'yikouban', iat: 1_700_000_000, exp: 1_700_000_900 }, secret)).toBe(fromJose);
  });

  it('refuses any change to any character of a token', () => {
    const token = signHs256(claims(), SECRET);
    fc.assert(
      fc.property(fc.nat(token.length - 1), fc.constantFrom(...'ABCabc012-_.'), (i, ch) => {
        fc.pre(token[i] !== ch);
        const tampered = token.slice(0, i) + ch + token.slice(i + 1);
        expect(failure(() => verifyHs256(tampered, SECRET, CHECK))).not.toBe('none');
      }),
    );
  });

  it.each<[string, () => string, JwtFailure]>([
    ['another secret', () => signHs256(claims(), 'another-secret-also-longer-than-32-chars'), 'signature'],
    ['alg none, unsigned', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`, 'malformed'],
    ['alg none with a signature', () => forge({ alg: 'none' }, claims()), 'algorithm'],
    ['alg HS512 in the header', () => forge({ alg: 'HS512', typ: 'JWT' }, claims()), 'algorithm'],
    ['a crit header', () => forge({ alg: 'HS256', crit: ['exp'] }, claims()), 'algorithm'],
    ['expired', () => signHs256(claims({ exp: CHECK.now }), SECRET), 'expired'],
    ['not yet valid', () => signHs256(claims({ nbf: CHECK.now + 60 }), SECRET), 'not_yet_valid'],
    ['another issuer', () => signHs256(claims({ iss: 'iss-b' }), SECRET), 'issuer'],
    ['another audience', () => signHs256(claims({ aud: 'aud-b' }), SECRET), 'audience'],
    ['no exp', () => forge({ alg: 'HS256' }, { iss: 'iss-a', aud: 'aud-a', iat: 1 }), 'malformed'],
    ['a payload that is not an object', () => forge({ alg: 'HS256' }, [1, 2]), 'malformed'],
    ['a payload that is not JSON', () => forge({ alg: 'HS256' }, 'not json'), 'malformed'],
    ['two segments', () => signHs256(claims(), SECRET).split('.').slice(0, 2).join('.'), 'malformed'],
    ['four segments', () => `${signHs256(claims(), SECRET)}.x`, 'malformed'],
    ['padding characters', () => `${signHs256(claims(), SECRET)}=`, 'malformed'],
  ])('refuses %s', (_, make, reason) => {
    expect(failure(() => verifyHs256(make(), SECRET, CHECK))).toBe(reason);
  });

  it('accepts a token until the second it expires', () => {
    const token = signHs256(claims({ exp: 2_000 }), SECRET);
    expect(failure(() => verifyHs256(token, SECRET, { ...CHECK, now: 1_999 }))).toBe('none');
    expect(failure(() => verifyHs256(token, SECRET, { ...CHECK, now: 2_000 }))).toBe('expired');
  });
});
