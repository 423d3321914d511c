import { Inject, Injectable } from '@nestjs/common';
import { ACCESS_REVOCATIONS, type AccessRevocations, type TokenHolder } from './access-revocations';
import { TokenService, type VerifiedAccessToken } from './token.service';

/** Who a verified token speaks for, as taking it back goes. */
export function holderOf(t: VerifiedAccessToken): TokenHolder {
  const { principal } = t;
  // TokenService verifies no citizen tokens and no staff token without its sign-in.
  if (principal.kind === 'staff' && t.sessionId) {
    return { kind: 'staff', id: principal.id, sessionId: t.sessionId, role: principal.role, orgCode: principal.orgCode, regionCode: principal.regionCode };
  }
  if (principal.kind === 'api_client') return { kind: 'api_client', id: principal.id };
  throw new Error(`no access token is issued to a ${principal.kind} without a sign-in`);
}

/**
 * An access token accepted: signed by us, unexpired, and not taken back since — checked on every
 * request (the guard) and at every live connection's start, so disabling a user, revoking a
 * client or logging out holds at once rather than when the token expires. So does a staff
 * user's new role, organisation or region: the old token is refused, and the client's refresh
 * gets one with the new claims.
 */
@Injectable()
export class AccessTokenAuthenticator {
  constructor(
    private readonly tokens: TokenService,
    @Inject(ACCESS_REVOCATIONS) private readonly revocations: AccessRevocations,
  ) {}

  /** The token's principal and remaining life; null for a forged, expired, revoked or stale one. A database failure is thrown, never taken as yes. */
  async authenticate(token: string): Promise<VerifiedAccessToken | null> {
    let verified: VerifiedAccessToken;
    try {
      verified = this.tokens.verifyWithExpiry(token);
    } catch {
      return null;
    }
    return (await this.revocations.isRevoked(holderOf(verified))) ? null : verified;
  }

  /** Whether each holder's tokens have been taken back since (one question for all: open live connections re-check this way). */
  revokedAmong(holders: readonly TokenHolder[]): Promise<boolean[]> {
    return this.revocations.revokedAmong(holders);
  }
}
