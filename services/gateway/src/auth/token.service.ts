import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AUTH_OPTIONS, nowMs, type AuthOptions } from './auth.options';
import { JwtError, signHs256, verifyHs256, type JwtClaims } from './jwt-hs256';
import { ROLES, type Principal, type Role } from './roles';

export const TOKEN_ISSUER = 'yikouban-gateway';
export const TOKEN_AUDIENCE = 'yikouban';

/** Roles a staff user may hold: not citizen (tracking code) and not api_client (client credentials). */
const STAFF_TOKEN_ROLES: ReadonlySet<Role> = new Set(ROLES.filter((r) => r !== 'citizen' && r !== 'api_client'));

export interface IssuedAccessToken {
  accessToken: string;
  /** Seconds until it expires. */
  expiresIn: number;
}

export interface VerifiedAccessToken {
  principal: Principal;
  /** Staff: the sign-in (refresh-token family) the token was issued for; it dies with that sign-in. */
  sessionId?: string;
  /** Milliseconds until the token expires (positive: an expired token does not verify). */
  expiresInMs: number;
}

/** Claims as signed: short names keep the header line small. */
interface PrincipalClaims {
  sub: string;
  knd: 'staff' | 'api_client';
  rol: Role;
  org?: string;
  rgn?: string;
  scp: string[];
  /** Staff: the sign-in's refresh-token family. */
  sid?: string;
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((s) => typeof s === 'string');
}

/** A principal from verified claims, or null when the claims do not describe one we issue. */
export function principalFromClaims(c: JwtClaims): Principal | null {
  const { sub, knd, rol, org, rgn, scp } = c;
  if (typeof sub !== 'string' || !sub || !isStringArray(scp)) return null;
  if (org !== undefined && typeof org !== 'string') return null;
  if (rgn !== undefined && typeof rgn !== 'string') return null;
  if (knd === 'staff' && STAFF_TOKEN_ROLES.has(rol as Role)) {
    return { kind: 'staff', id: sub, role: rol as Role, orgCode: org, regionCode: rgn, scopes: scp };
  }
  if (knd === 'api_client' && rol === 'api_client') return { kind: 'api_client', id: sub, role: 'api_client', scopes: scp };
  return null;
}

/**
 * Short-lived HS256 access tokens for staff users and API clients. Signing and checking the
 * signature only: whether the holder may still use a valid token (account active, sign-in not
 * ended) is AccessTokenAuthenticator's question.
 */
@Injectable()
export class TokenService {
  constructor(@Inject(AUTH_OPTIONS) private readonly options: AuthOptions) {}

  /** A staff user's token belongs to one sign-in, `sessionId` (its refresh-token family): logging out ends both. */
  issue(principal: Principal, sessionId?: string): IssuedAccessToken {
    if (principal.kind === 'citizen') throw new Error('citizens hold a tracking code, not an access token');
    if (principal.kind === 'staff' && !sessionId) throw new Error("a staff user's access token belongs to a sign-in: give its session id");
    const iat = Math.floor(nowMs(this.options) / 1000);
    const expiresIn = this.options.accessTokenTtlSeconds;
    const claims: PrincipalClaims = { sub: principal.id, knd: principal.kind, rol: principal.role, org: principal.orgCode, rgn: principal.regionCode, scp: principal.scopes };
    if (principal.kind === 'staff') claims.sid = sessionId;
    const accessToken = signHs256({ ...claims, iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, iat, exp: iat + expiresIn, jti: randomUUID() }, this.options.jwtSecret);
    return { accessToken, expiresIn };
  }

  /** The principal a valid token carries; a JwtError (with its reason) for anything else. */
  verify(token: string): Principal {
    return this.verifyWithExpiry(token).principal;
  }

  /** As verify, and how long the token stays valid: a live connection is closed when it runs out. */
  verifyWithExpiry(token: string): VerifiedAccessToken {
    const now = nowMs(this.options);
    const claims = verifyHs256(token, this.options.jwtSecret, { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, now: Math.floor(now / 1000) });
    const principal = principalFromClaims(claims);
    if (!principal) throw new JwtError('malformed');
    if (principal.kind !== 'staff') return { principal, expiresInMs: claims.exp * 1000 - now };
    // A staff token without its sign-in could not be ended by logging out: not one we issue.
    if (typeof claims.sid !== 'string' || !claims.sid) throw new JwtError('malformed');
    return { principal, sessionId: claims.sid, expiresInMs: claims.exp * 1000 - now };
  }
}
