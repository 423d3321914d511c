import type { Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ACCESS_REVOCATIONS, sameStanding, type AccessRevocations, type StaffStanding, type TokenHolder } from '../access-revocations';
import { AccessTokenAuthenticator } from '../access-token-authenticator';
import { AuthGuard } from '../auth.guard';
import { AUTH_OPTIONS } from '../auth.options';
import { ConnectionAuthenticator } from '../connection-authenticator';
import type { Principal } from '../roles';
import { TokenService, type IssuedAccessToken } from '../token.service';

/** The sign-in a unit test's staff tokens belong to unless it names one. */
export const TEST_SESSION_ID = '00000000-0000-4000-8000-00000000a11c';

/** Revocations in memory: nothing is revoked until a test says so (PgAccessRevocations runs in the auth integration tests). */
export class InMemoryAccessRevocations implements AccessRevocations {
  readonly revoked = new Set<string>();
  /** Staff users whose role or place a test has changed since their tokens were issued. */
  readonly standings = new Map<string, StaffStanding>();
  readonly asked: TokenHolder[] = [];
  /** Every batch asked (one per live-connection check, however many holders). */
  readonly batches: TokenHolder[][] = [];

  /** Takes back every token of a staff user or API client (by id), or of one sign-in (by session id). */
  revoke(idOrSession: string): void {
    this.revoked.add(idOrSession);
  }

  /** The staff user's role and place as an administrator has just set them: tokens claiming others are stale. */
  move(userId: string, standing: StaffStanding): void {
    this.standings.set(userId, standing);
  }

  async isRevoked(holder: TokenHolder): Promise<boolean> {
    this.asked.push(holder);
    return this.revokedNow(holder);
  }

  async revokedAmong(holders: readonly TokenHolder[]): Promise<boolean[]> {
    this.batches.push([...holders]);
    return holders.map((h) => this.revokedNow(h));
  }

  private revokedNow(holder: TokenHolder): boolean {
    if (this.revoked.has(holder.id)) return true;
    if (holder.kind !== 'staff') return false;
    const current = this.standings.get(holder.id);
    return this.revoked.has(holder.sessionId) || (current !== undefined && !sameStanding(holder, current));
  }
}

/** A TokenService whose staff tokens belong to TEST_SESSION_ID unless the test gives a session. */
export class TestTokenService extends TokenService {
  override issue(principal: Principal, sessionId?: string): IssuedAccessToken {
    return super.issue(principal, sessionId ?? (principal.kind === 'staff' ? TEST_SESSION_ID : undefined));
  }
}

/** The token authenticator over these tokens and revocations (nothing revoked by default). */
export function testAccessTokenAuthenticator(tokens: TokenService, revocations: AccessRevocations = new InMemoryAccessRevocations()): AccessTokenAuthenticator {
  return new AccessTokenAuthenticator(tokens, revocations);
}

/** A connection authenticator for the live transport's unit tests. */
export function testConnectionAuthenticator(tokens: TokenService, revocations?: AccessRevocations): ConnectionAuthenticator {
  return new ConnectionAuthenticator(testAccessTokenAuthenticator(tokens, revocations));
}

/** What a resolver spec's testing module needs for the real AuthGuard: these tokens, revocations in memory. */
export function testAuthProviders(tokens: TokenService, revocations: AccessRevocations = new InMemoryAccessRevocations()): Provider[] {
  return [
    { provide: TokenService, useValue: tokens },
    { provide: AUTH_OPTIONS, useValue: {} },
    { provide: ACCESS_REVOCATIONS, useValue: revocations },
    AccessTokenAuthenticator,
    { provide: APP_GUARD, useClass: AuthGuard },
  ];
}

/**
 * The same sign-in's token again, issued by `tokens` (another lifetime or clock, the same
 * secret): for tests that need a real, live sign-in's token with, say, seconds left.
 */
export function reissue(accessToken: string, tokens: TokenService): string {
  const { principal, sessionId } = tokens.verifyWithExpiry(accessToken);
  return tokens.issue(principal, sessionId).accessToken;
}
