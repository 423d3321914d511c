import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Role } from './roles';

/** The role and place a staff user's access token was issued for: what its powers rest on. */
export interface StaffStanding {
  role: Role;
  orgCode?: string;
  regionCode?: string;
}

/** Who a verified access token speaks for, as far as taking it back goes. */
export type TokenHolder = ({ kind: 'staff'; id: string; sessionId: string } & StaffStanding) | { kind: 'api_client'; id: string };

/**
 * Whether a validly signed access token has been taken back before it expires: its staff user
 * disabled, moved to another role, organisation or region (the token's claims are stale), or
 * its sign-in ended (logout, password reset, disabling, a replayed refresh token); its API
 * client revoked.
 */
export interface AccessRevocations {
  isRevoked(holder: TokenHolder): Promise<boolean>;
  /** isRevoked for many holders at once (open live connections), in their order. */
  revokedAmong(holders: readonly TokenHolder[]): Promise<boolean[]>;
}

export const ACCESS_REVOCATIONS = Symbol('ACCESS_REVOCATIONS');

/** Whether the token's claims are still the user's: a change needs a refresh, which issues the new ones. */
export function sameStanding(claimed: StaffStanding, current: StaffStanding): boolean {
  return claimed.role === current.role && claimed.orgCode === current.orgCode && claimed.regionCode === current.regionCode;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Asks the gateway's database on every request, so a change holds at once: one statement, by
 * primary key (staff_user, api_client) and, for staff, the partial index of live refresh tokens
 * by family — a sign-in is live while its family holds an unrevoked token.
 */
@Injectable()
export class PgAccessRevocations implements AccessRevocations {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async isRevoked(holder: TokenHolder): Promise<boolean> {
    // Every id we issue is a uuid; anything else names nobody (and must not reach a uuid cast).
    if (!UUID.test(holder.id) || (holder.kind === 'staff' && !UUID.test(holder.sessionId))) return true;
    if (holder.kind === 'api_client') return (await this.db.query('SELECT 1 FROM api_client WHERE id = $1 AND active', [holder.id])).length === 0;
    const rows: StaffStanding[] = await this.db.query(
      `SELECT u.role, u.org_code AS "orgCode", u.region_code AS "regionCode" FROM staff_user u WHERE u.id = $1 AND u.active
         AND EXISTS (SELECT 1 FROM refresh_token t WHERE t.family_id = $2 AND t.user_id = u.id AND t.revoked_at IS NULL)`,
      [holder.id, holder.sessionId],
    );
    return rows.length === 0 || !sameStanding(holder, rows[0]);
  }

  /**
   * The same rule as isRevoked, for all of them in one statement (the same primary keys and
   * partial index, joined over the holders' arrays): rows come back for the holders in good
   * standing, by position.
   */
  async revokedAmong(holders: readonly TokenHolder[]): Promise<boolean[]> {
    const asked = holders.map((h, i) => ({ h, i })).filter(({ h }) => UUID.test(h.id) && (h.kind !== 'staff' || UUID.test(h.sessionId)));
    if (asked.length === 0) return holders.map(() => true);
    const rows: ({ i: number; kind: 'staff' | 'api_client' } & StaffStanding)[] = await this.db.query(
      `WITH h AS (SELECT * FROM unnest($1::int[], $2::text[], $3::uuid[], $4::uuid[]) AS h(i, kind, id, sid))
       SELECT h.i, h.kind, u.role, u.org_code AS "orgCode", u.region_code AS "regionCode"
         FROM h JOIN staff_user u ON u.id = h.id AND u.active
        WHERE h.kind = 'staff' AND EXISTS (SELECT 1 FROM refresh_token t WHERE t.family_id = h.sid AND t.user_id = u.id AND t.revoked_at IS NULL)
       UNION ALL
       SELECT h.i, h.kind, NULL, NULL, NULL FROM h JOIN api_client c ON c.id = h.id AND c.active WHERE h.kind = 'api_client'`,
      [asked.map((a) => a.i), asked.map((a) => a.h.kind), asked.map((a) => a.h.id), asked.map((a) => (a.h.kind === 'staff' ? a.h.sessionId : null))],
    );
    const revoked = holders.map(() => true);
    for (const r of rows) {
      const holder = holders[r.i];
      revoked[r.i] = holder.kind === 'staff' && !sameStanding(holder, r);
    }
    return revoked;
  }
}
