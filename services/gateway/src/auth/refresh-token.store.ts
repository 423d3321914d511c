import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface NewRefreshToken {
  id: string;
  userId: string;
  familyId: string;
  tokenHash: string;
  expiresAt: Date;
  createdAt: Date;
}

export interface StoredRefreshToken {
  userId: string;
  familyId: string;
  revokedAt: Date | null;
}

/** Where refresh tokens live; the rotation rules (RefreshTokenService) sit on top of it. */
export interface RefreshTokenStore {
  insert(token: NewRefreshToken): Promise<void>;
  /**
   * Atomically revokes the live (unrevoked, unexpired at `now`) token with this hash and inserts
   * the successor `next` makes for it. null, and nothing changed, when there is no such token.
   */
  exchange(tokenHash: string, now: Date, next: (spent: StoredRefreshToken) => NewRefreshToken): Promise<NewRefreshToken | null>;
  find(tokenHash: string): Promise<StoredRefreshToken | null>;
  /** Revokes every live token of the family; how many were live. */
  revokeFamily(familyId: string, now: Date): Promise<number>;
}

export const REFRESH_TOKEN_STORE = Symbol('REFRESH_TOKEN_STORE');

const INSERT = 'INSERT INTO refresh_token (id, user_id, family_id, token_hash, expires_at, created_at) VALUES ($1, $2, $3, $4, $5, $6)';
const params = (t: NewRefreshToken) => [t.id, t.userId, t.familyId, t.tokenHash, t.expiresAt, t.createdAt];

@Injectable()
export class PgRefreshTokenStore implements RefreshTokenStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(token: NewRefreshToken): Promise<void> {
    await this.db.query(INSERT, params(token));
  }

  exchange(tokenHash: string, now: Date, next: (spent: StoredRefreshToken) => NewRefreshToken): Promise<NewRefreshToken | null> {
    return this.db.transaction(async (tx) => {
      // One UPDATE claims the token: of two requests racing with it, exactly one wins.
      const [claimed]: [{ user_id: string; family_id: string }[], number] = await tx.query(
        'UPDATE refresh_token SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2 RETURNING user_id, family_id',
        [tokenHash, now],
      );
      if (!claimed.length) return null;
      const successor = next({ userId: claimed[0].user_id, familyId: claimed[0].family_id, revokedAt: now });
      await tx.query(INSERT, params(successor));
      return successor;
    });
  }

  async find(tokenHash: string): Promise<StoredRefreshToken | null> {
    const rows: { user_id: string; family_id: string; revoked_at: Date | null }[] = await this.db.query(
      'SELECT user_id, family_id, revoked_at FROM refresh_token WHERE token_hash = $1',
      [tokenHash],
    );
    return rows.length ? { userId: rows[0].user_id, familyId: rows[0].family_id, revokedAt: rows[0].revoked_at } : null;
  }

  async revokeFamily(familyId: string, now: Date): Promise<number> {
    const [, count]: [unknown[], number] = await this.db.query('UPDATE refresh_token SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL', [familyId, now]);
    return count;
  }
}
