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
}
