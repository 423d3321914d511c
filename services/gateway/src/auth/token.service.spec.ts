import { JwtError, signHs256, verifyHs256 } from './jwt-hs256';
import type { Principal } from './roles';
import { principalFromClaims, TOKEN_AUDIENCE, TOKEN_ISSUER, TokenService } from './token.service';

const SECRET = 'token-service-test-secret-32-characters-long';

function serviceAt(clock: { ms: number }, secret = SECRET) {
  return new TokenService({ jwtSecret: secret, accessTokenTtlSeconds: 900, refreshTokenTtlHours: 12, production: false, now: () => clock.ms });
}

const staff: Principal = { kind: 'staff', id: 'b8f8f5a8-0000-4000-8000-000000000001', role: 'unit_staff', orgCode: 'dept_human_resources', regionCode: '330621', scopes: [] };
const client: Principal = { kind: 'api_client', id: 'b8f8f5a8-0000-4000-8000-000000000002', role: 'api_client', scopes: ['grievance:read', 'grievance:write'] };
const SESSION = 'b8f8f5a8-0000-4000-8000-0000000000f1';

describe('TokenService', () => {
  it('issues a token that verifies back to the same staff principal, for 15 minutes', () => {
    const clock = { ms: Date.parse('2025-03-01T08:00:00Z') };
    const tokens = serviceAt(clock);
    const issued = tokens.issue(staff, SESSION);
    expect(issued.expiresIn).toBe(900);
    expect(tokens.verify(issued.accessToken)).toEqual(staff);
    expect(tokens.verifyWithExpiry(issued.accessToken)).toEqual({ principal: staff, sessionId: SESSION, expiresInMs: 900_000 });
    clock.ms += 899_000;
    expect(tokens.verify(issued.accessToken)).toEqual(staff);
    clock.ms += 1_000;
    expect(() => tokens.verify(issued.accessToken)).toThrow(expect.objectContaining({ reason: 'expired' }));
  });

  it('carries an API client with its scopes and no organisation', () => {
    const tokens = serviceAt({ ms: Date.parse('2025-03-01T08:00:00Z') });
    expect(tokens.verifyWithExpiry(tokens.issue(client).accessToken)).toEqual({ principal: client, expiresInMs: 900_000 });
  });

  it("ties a staff user's token to a sign-in: none is issued, or accepted, without one", () => {
    const tokens = serviceAt({ ms: Date.now() });
    expect(() => tokens.issue(staff)).toThrow(/sign-in/);
    const iat = Math.floor(Date.now() / 1000);
    const unbound = signHs256({ iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, iat, exp: iat + 60, sub: staff.id, knd: 'staff', rol: 'court', scp: [] }, SECRET);
    expect(() => tokens.verify(unbound)).toThrow(expect.objectContaining({ reason: 'malformed' }));
  });

  it('stamps issuer, audience and a unique id, so two tokens for one principal differ', () => {
    const tokens = serviceAt({ ms: Date.now() });
    const a = tokens.issue(staff, SESSION).accessToken;
    const b = tokens.issue(staff, SESSION).accessToken;
    expect(a).not.toBe(b);
    const claims = verifyHs256(a, SECRET, { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, now: Math.floor(Date.now() / 1000) });
    expect(claims).toMatchObject({ sub: staff.id, knd: 'staff', rol: 'unit_staff', org: 'dept_human_resources', rgn: '330621', scp: [], sid: SESSION });
    expect(typeof claims.jti).toBe('string');
  });

  it('refuses a token signed with another secret', () => {
    const clock = { ms: Date.now() };
    const foreign = serviceAt(clock, 'some-other-secret-that-is-long-enough-too').issue(staff, SESSION).accessToken;
    expect(() => serviceAt(clock).verify(foreign)).toThrow(JwtError);
  });

  it('will not issue a token to a citizen (they hold a tracking code)', () => {
    expect(() => serviceAt({ ms: Date.now() }).issue({ kind: 'citizen', id: 'c', role: 'citizen', scopes: [] })).toThrow();
  });

  it('refuses validly signed claims that describe no principal it issues', () => {
    const tokens = serviceAt({ ms: Date.now() });
    const iat = Math.floor(Date.now() / 1000);
    const sign = (c: Record<string, unknown>) => signHs256({ iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, iat, exp: iat + 60, ...c }, SECRET);
    expect(() => tokens.verify(sign({ sub: 'x', knd: 'staff', rol: 'api_client', scp: [], sid: SESSION }))).toThrow(JwtError);
    expect(() => tokens.verify(sign({ sub: 'x', knd: 'staff', rol: 'citizen', scp: [], sid: SESSION }))).toThrow(JwtError);
    expect(() => tokens.verify(sign({ sub: 'x', knd: 'staff', rol: 'root', scp: [], sid: SESSION }))).toThrow(JwtError);
    expect(() => tokens.verify(sign({ sub: 'x', knd: 'staff', rol: 'court', scp: [], sid: 42 }))).toThrow(JwtError);
    expect(tokens.verify(sign({ sub: 'x', knd: 'staff', rol: 'court', scp: [], sid: SESSION }))).toMatchObject({ role: 'court' });
  });
});

describe('principalFromClaims', () => {
  const base = { iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, iat: 1, exp: 2 };
  it.each([
    ['no subject', { knd: 'staff', rol: 'court', scp: [] }],
    ['an empty subject', { sub: '', knd: 'staff', rol: 'court', scp: [] }],
    ['scopes that are not strings', { sub: 'x', knd: 'api_client', rol: 'api_client', scp: [1] }],
    ['no scopes', { sub: 'x', knd: 'staff', rol: 'court' }],
    ['an organisation that is not a string', { sub: 'x', knd: 'staff', rol: 'court', org: 7, scp: [] }],
    ['a region that is not a string', { sub: 'x', knd: 'staff', rol: 'court', rgn: ['330621'], scp: [] }],
    ['an API client claiming a staff role', { sub: 'x', knd: 'api_client', rol: 'administrator', scp: [] }],
    ['a citizen kind', { sub: 'x', knd: 'citizen', rol: 'citizen', scp: [] }],
    ['an unknown kind', { sub: 'x', knd: 'robot', rol: 'court', scp: [] }],
  ])('rejects %s', (_, c) => {
    expect(principalFromClaims({ ...base, ...c })).toBeNull();
  });
});
