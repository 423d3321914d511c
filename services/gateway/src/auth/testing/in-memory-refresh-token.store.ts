import type { NewRefreshToken, RefreshTokenStore, StoredRefreshToken } from '../refresh-token.store';

/** The store's contract in memory, for unit tests of the rotation rules (PgRefreshTokenStore is tested against PostgreSQL). */
export class InMemoryRefreshTokenStore implements RefreshTokenStore {
  readonly rows: (NewRefreshToken & { revokedAt: Date | null })[] = [];

  async insert(token: NewRefreshToken): Promise<void> {
    if (this.rows.some((r) => r.tokenHash === token.tokenHash)) throw new Error('duplicate token_hash');
    this.rows.push({ ...token, revokedAt: null });
  }

  async exchange(tokenHash: string, now: Date, next: (spent: StoredRefreshToken) => NewRefreshToken): Promise<NewRefreshToken | null> {
    const row = this.rows.find((r) => r.tokenHash === tokenHash && r.revokedAt === null && r.expiresAt > now);
    if (!row) return null;
    row.revokedAt = now;
    const successor = next({ userId: row.userId, familyId: row.familyId, revokedAt: now });
    await this.insert(successor);
    return successor;
  }

  async find(tokenHash: string): Promise<StoredRefreshToken | null> {
    const row = this.rows.find((r) => r.tokenHash === tokenHash);
    return row ? { userId: row.userId, familyId: row.familyId, revokedAt: row.revokedAt } : null;
  }

  async revokeFamily(familyId: string, now: Date): Promise<number> {
    const live = this.rows.filter((r) => r.familyId === familyId && r.revokedAt === null);
    for (const r of live) r.revokedAt = now;
    return live.length;
  }
}
