import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '@yikouban/service-kit';
import { STAFF_ROLES } from '../auth/role-groups';
import type { Principal, Role } from '../auth/roles';
import { normaliseUsername } from '../auth/session.service';
import { AuditLogService } from './audit-log.service';
import { StaffUser } from './entities/staff-user.entity';
import { PASSWORD_POLICY, passwordProblems } from './password-policy';
import { hashSecret } from './secret-hasher';

/** The same rule as the table's CHECK, so a bad name is a clear error, not a constraint violation. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9_.-]{1,63}$/;

export interface UserFilter {
  role?: Role;
  orgCode?: string;
  /** This region and everything below it (codes extend their parent's). */
  regionCode?: string;
  active?: boolean;
  /** Part of the user name or the display name. */
  search?: string;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  orgCode: string;
  regionCode: string;
  initialPassword: string;
}

export type UserChanges = Partial<Pick<NewUser, 'displayName' | 'role' | 'orgCode' | 'regionCode'>>;

export interface UserPage {
  users: StaffUser[];
  hasNextPage: boolean;
}

type Actor = Pick<Principal, 'id' | 'role'>;

const badInput = (field: string, problems: string[], message: string) => new DomainError('BAD_REQUEST', message, [{ field, problems }]);

function assertStaffRole(role: Role, field = 'role'): void {
  if (!STAFF_ROLES.includes(role)) throw badInput(field, ['not_a_staff_role'], `角色 ${role} 不能分配给工作人员 / ${role} is not a staff role (allowed: ${STAFF_ROLES.join(', ')})`);
}

function assertPassword(password: string, username: string, field: string): void {
  const problems = passwordProblems(password, username);
  if (problems.length) throw badInput(field, problems, `密码不符合要求（${problems.join(', ')}） / the password breaks the policy: ${PASSWORD_POLICY}`);
}

/** Keyset cursor: the user name the page ended at. */
export const userCursor = (u: Pick<StaffUser, 'username'>): string => Buffer.from(u.username, 'utf8').toString('base64url');
const afterOf = (cursor: string): string => {
  const name = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!USERNAME_PATTERN.test(name)) throw badInput('after', ['bad_cursor'], '分页游标无效 / the cursor is not one this list gave');
  return name;
};

/**
 * Staff accounts as an administrator manages them. Every change is written with its audit entry
 * in one transaction; disabling an account or resetting its password also revokes every refresh
 * token it holds, which ends its sessions at once: the guard refuses their access tokens from the
 * next request on (auth/access-token-authenticator.ts).
 */
@Injectable()
export class UserAdministration {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditLogService,
  ) {}

  async list(first: number, after: string | undefined, f: UserFilter): Promise<UserPage> {
    const q = this.db.getRepository(StaffUser).createQueryBuilder('u').orderBy('u.username', 'ASC').take(first + 1);
    if (after) q.andWhere('u.username > :after', { after: afterOf(after) });
    if (f.role) q.andWhere('u.role = :role', { role: f.role });
    if (f.orgCode) q.andWhere('u.org_code = :org', { org: f.orgCode });
    if (f.regionCode) q.andWhere("u.region_code LIKE :region || '%'", { region: f.regionCode });
    if (f.active !== undefined) q.andWhere('u.active = :active', { active: f.active });
    if (f.search) q.andWhere("(u.username ILIKE :s OR u.display_name ILIKE :s)", { s: `%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    const rows = await q.getMany();
    return { users: rows.slice(0, first), hasNextPage: rows.length > first };
  }

  async create(actor: Actor, u: NewUser): Promise<StaffUser> {
    const username = normaliseUsername(u.username);
    if (!USERNAME_PATTERN.test(username)) throw badInput('username', ['bad_format'], '用户名须为 2–64 个小写字母、数字或 _ . -，以字母或数字开头 / 2–64 of a-z 0-9 _ . -, starting with a letter or digit');
    assertStaffRole(u.role);
    assertPassword(u.initialPassword, username, 'initialPassword');
    const user: StaffUser = {
      id: randomUUID(),
      username,
      displayName: u.displayName.trim(),
      passwordHash: await hashSecret(u.initialPassword),
      role: u.role,
      orgCode: u.orgCode,
      regionCode: u.regionCode,
      active: true,
      createdAt: new Date(),
    };
    return this.db.transaction(async (tx) => {
      const rows: unknown[] = await tx.query(
        `INSERT INTO staff_user (id, username, display_name, password_hash, role, org_code, region_code, active, created_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,true,$8) ON CONFLICT (username) DO NOTHING RETURNING id`,
        [user.id, user.username, user.displayName, user.passwordHash, user.role, user.orgCode, user.regionCode, user.createdAt],
      );
      if (!rows.length) throw new DomainError('CONFLICT', `用户名 ${username} 已被使用 / the user name ${username} is taken`, [{ field: 'username', problems: ['taken'] }]);
      await this.audit.record({ actor, action: 'admin.user_created', subject: user.id, reason: `${username} as ${user.role} of ${user.orgCode} in ${user.regionCode}` }, tx);
      return user;
    });
  }

  async update(actor: Actor, id: string, c: UserChanges): Promise<StaffUser> {
    if (c.role) assertStaffRole(c.role);
    const changed = (Object.keys(c) as (keyof UserChanges)[]).filter((k) => c[k] !== undefined);
    if (!changed.length) throw badInput('input', ['nothing_to_change'], '没有任何修改 / nothing to change');
    return this.db.transaction(async (tx) => {
      const user = await this.locked(tx, id);
      if (c.displayName !== undefined) user.displayName = c.displayName.trim();
      if (c.role !== undefined) user.role = c.role;
      if (c.orgCode !== undefined) user.orgCode = c.orgCode;
      if (c.regionCode !== undefined) user.regionCode = c.regionCode;
      await tx.getRepository(StaffUser).save(user);
      // The user's current access tokens no longer match the account (AccessRevocations refuses them); the refresh that follows issues the new claims.
      await this.audit.record({ actor, action: 'admin.user_updated', subject: id, reason: changed.map((k) => `${k}=${String(user[k])}`).join(', ') }, tx);
      return user;
    });
  }

  /** Sign-in refused from now on; every refresh token revoked. An administrator cannot lock themselves out. */
  async disable(actor: Actor, id: string): Promise<StaffUser> {
    if (actor.id === id) throw new DomainError('CONFLICT', '不能停用自己的账号 / you cannot disable your own account', [{ field: 'id', problems: ['self'] }]);
    return this.db.transaction(async (tx) => {
      const user = await this.locked(tx, id);
      user.active = false;
      await tx.query('UPDATE staff_user SET active = false WHERE id = $1', [id]);
      const revoked = await this.revokeSessions(tx, id);
      await this.audit.record({ actor, action: 'admin.user_disabled', subject: id, reason: `${revoked} refresh tokens revoked` }, tx);
      return user;
    });
  }

  async enable(actor: Actor, id: string): Promise<StaffUser> {
    return this.db.transaction(async (tx) => {
      const user = await this.locked(tx, id);
      user.active = true;
      await tx.query('UPDATE staff_user SET active = true WHERE id = $1', [id]);
      await this.audit.record({ actor, action: 'admin.user_enabled', subject: id }, tx);
      return user;
    });
  }

  /** A new password chosen by the administrator; the user's sessions end. */
  async resetPassword(actor: Actor, id: string, password: string): Promise<StaffUser> {
    const user = await this.db.getRepository(StaffUser).findOneBy({ id });
    if (!user) throw notFound(id);
    assertPassword(password, user.username, 'newPassword');
    const hash = await hashSecret(password);
    return this.db.transaction(async (tx) => {
      const locked = await this.locked(tx, id);
      await tx.query('UPDATE staff_user SET password_hash = $2 WHERE id = $1', [id, hash]);
      const revoked = await this.revokeSessions(tx, id);
      await this.audit.record({ actor, action: 'admin.user_password_reset', subject: id, reason: `${revoked} refresh tokens revoked` }, tx);
      return locked;
    });
  }

  private async locked(tx: EntityManager, id: string): Promise<StaffUser> {
    const user = await tx.getRepository(StaffUser).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw notFound(id);
    return user;
  }

  private async revokeSessions(tx: EntityManager, userId: string): Promise<number> {
    const [, count] = (await tx.query('UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId])) as [unknown, number];
    return count;
  }
}

function notFound(id: string): DomainError {
  return new DomainError('NOT_FOUND', `没有该用户 / no user ${id}`, [{ field: 'id', problems: ['not_found'] }]);
}
