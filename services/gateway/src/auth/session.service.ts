import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { isDemoSecret } from '../identity/demo-identities';
import { AuditLogService } from '../identity/audit-log.service';
import { StaffUser } from '../identity/entities/staff-user.entity';
import { verifyAgainstDecoy, verifySecret } from '../identity/secret-hasher';
import { AUTH_OPTIONS, type AuthOptions } from './auth.options';
import { AuthMessages, UnauthenticatedError } from './auth.errors';
import { LoginThrottle, throttleKeys } from './login-throttle.service';
import { RefreshTokenError, RefreshTokenService } from './refresh-token.service';
import type { Principal } from './roles';
import { TokenService } from './token.service';

export interface Session {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: StaffUser;
}

/** User names are case-insensitive and stored in lower case. */
export const normaliseUsername = (username: string): string => username.trim().toLowerCase();

export function staffPrincipal(u: StaffUser): Principal {
  return { kind: 'staff', id: u.id, role: u.role, orgCode: u.orgCode, regionCode: u.regionCode, scopes: [] };
}

/** Staff sign-in: password → access + refresh token; refresh with rotation; logout. */
@Injectable()
export class SessionService {
  private readonly logger = new Logger('Auth');

  constructor(
    @InjectRepository(StaffUser) private readonly users: Repository<StaffUser>,
    private readonly tokens: TokenService,
    private readonly refreshTokens: RefreshTokenService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditLogService,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  /**
   * The same UNAUTHENTICATED for an unknown name, a wrong password and an inactive user. Every
   * attempt counts against the throttle until it succeeds (a refused demo password included).
   */
  async login(username: string, password: string, address: string): Promise<Session> {
    const name = normaliseUsername(username);
    const attempt = await this.throttle.begin(throttleKeys('login', name, address));
    const user = await this.users.findOneBy({ username: name });
    const ok = user ? await verifySecret(user.passwordHash, password) : await verifyAgainstDecoy(password);
    if (!user || !ok || !user.active) {
      await this.audit.record({ actor: null, action: 'auth.login_failed', subject: name });
      throw new UnauthenticatedError(AuthMessages.badCredentials);
    }
    if (this.options.production && isDemoSecret(password)) {
      this.logger.warn(`refused a demo password for ${name} in production`);
      await this.audit.record({ actor: null, action: 'auth.login_refused_demo', subject: user.id });
      throw new UnauthenticatedError(AuthMessages.demoRefused);
    }
    await this.throttle.succeeded(attempt);
    const { refreshToken, familyId } = await this.refreshTokens.issue(user.id);
    await this.audit.record({ actor: staffPrincipal(user), action: 'auth.login', subject: user.id });
    return { ...this.tokens.issue(staffPrincipal(user), familyId), refreshToken, user };
  }

  /** A fresh pair for a valid refresh token; the old one is spent. Re-reads the user, so a deactivation takes hold. */
  async refresh(refreshToken: string): Promise<Session> {
    let rotated;
    try {
      rotated = await this.refreshTokens.rotate(refreshToken);
    } catch (err) {
      if (!(err instanceof RefreshTokenError)) throw err;
      if (err.reason === 'reused') await this.audit.record({ actor: null, action: 'auth.refresh_reused', reason: 'a spent refresh token was presented again: its family is revoked' });
      throw new UnauthenticatedError(AuthMessages.refreshInvalid);
    }
    const user = await this.users.findOneBy({ id: rotated.userId });
    if (!user?.active) {
      await this.refreshTokens.revokeFamily(rotated.familyId);
      throw new UnauthenticatedError(AuthMessages.refreshInvalid);
    }
    return { ...this.tokens.issue(staffPrincipal(user), rotated.familyId), refreshToken: rotated.refreshToken, user };
  }

  /** Revokes the sign-in the token belongs to — its refresh tokens and, at once, its access tokens. True when there was one. */
  async logout(refreshToken: string): Promise<boolean> {
    const revoked = await this.refreshTokens.revoke(refreshToken);
    if (revoked) await this.audit.record({ actor: null, action: 'auth.logout', subject: revoked.userId });
    return revoked !== null;
  }

  /** The signed-in user as stored now; UNAUTHENTICATED once deactivated. */
  async currentUser(id: string): Promise<StaffUser> {
    const user = await this.users.findOneBy({ id });
    if (!user?.active) throw new UnauthenticatedError(AuthMessages.tokenInvalid);
    return user;
  }
}
