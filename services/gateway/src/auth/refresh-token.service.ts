import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AUTH_OPTIONS, nowMs, type AuthOptions } from './auth.options';
import { REFRESH_TOKEN_STORE, type NewRefreshToken, type RefreshTokenStore } from './refresh-token.store';

/** Why a refresh token was not accepted. `reused`: it had already been spent or revoked, so its whole family now is. */
export type RefreshRefusal = 'unknown' | 'expired' | 'reused';

export class RefreshTokenError extends Error {
  constructor(readonly reason: RefreshRefusal) {
    super(`refresh token refused: ${reason}`);
    this.name = 'RefreshTokenError';
  }
}

export interface IssuedRefreshToken {
  userId: string;
  familyId: string;
  refreshToken: string;
}

/** High-entropy random tokens need no slow hash: SHA-256 makes a leaked table useless. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Opaque refresh tokens, stored only as hashes. Using one spends it and issues the next of its
 * family; presenting a spent or revoked one again means it was copied, so the whole family is
 * revoked and whoever holds any of it must sign in again.
 */
@Injectable()
export class RefreshTokenService {
  constructor(
    @Inject(REFRESH_TOKEN_STORE) private readonly store: RefreshTokenStore,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  /** A new sign-in: a token starting a new family. */
  async issue(userId: string): Promise<IssuedRefreshToken> {
    const { token, row } = this.mint(userId, randomUUID());
    await this.store.insert(row);
    return { userId, familyId: row.familyId, refreshToken: token };
  }

  /** Spends the token and returns its successor; a RefreshTokenError saying why it cannot be used. */
  async rotate(token: string): Promise<IssuedRefreshToken> {
    const hash = hashRefreshToken(token);
    let successor: string | undefined;
    const row = await this.store.exchange(hash, new Date(nowMs(this.options)), (spent) => {
      const minted = this.mint(spent.userId, spent.familyId);
      successor = minted.token;
      return minted.row;
    });
    if (row && successor) return { userId: row.userId, familyId: row.familyId, refreshToken: successor };
    const known = await this.store.find(hash);
    if (!known) throw new RefreshTokenError('unknown');
    if (known.revokedAt === null) throw new RefreshTokenError('expired');
    await this.store.revokeFamily(known.familyId, new Date(nowMs(this.options)));
    throw new RefreshTokenError('reused');
  }

  /** Logout: revokes the token's whole family. null when the token is unknown. */
  async revoke(token: string): Promise<{ userId: string } | null> {
    const known = await this.store.find(hashRefreshToken(token));
    if (!known) return null;
    await this.store.revokeFamily(known.familyId, new Date(nowMs(this.options)));
    return { userId: known.userId };
  }

  revokeFamily(familyId: string): Promise<number> {
    return this.store.revokeFamily(familyId, new Date(nowMs(this.options)));
  }

  private mint(userId: string, familyId: string): { token: string; row: NewRefreshToken } {
    const token = randomBytes(32).toString('base64url');
    const now = nowMs(this.options);
    const row = { id: randomUUID(), userId, familyId, tokenHash: hashRefreshToken(token), expiresAt: new Date(now + this.options.refreshTokenTtlHours * 3_600_000), createdAt: new Date(now) };
    return { token, row };
  }
}
