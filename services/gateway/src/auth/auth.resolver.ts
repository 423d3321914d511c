import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { ApiClient } from '../identity/entities/api-client.entity';
import type { StaffUser } from '../identity/entities/staff-user.entity';
import { Allow, Public } from './allow.decorator';
import { ClientCredentialsService } from './client-credentials.service';
import { RateLimited } from './rate-limited.decorator';
import { CurrentPrincipal } from './current-principal.decorator';
import { ClientTokenArgs, LoginArgs, RefreshTokenArgs } from './dto/auth.args';
import { AuthSession, AuthUser, ClientToken, Viewer } from './dto/auth.types';
import { clientAddressOf } from './request-credentials';
import { SIGNED_IN_ROLES } from './role-groups';
import type { Principal } from './roles';
import { SessionService, type Session } from './session.service';

function toAuthUser(u: StaffUser): AuthUser {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, orgCode: u.orgCode, regionCode: u.regionCode };
}

function toSession(s: Session): AuthSession {
  return { accessToken: s.accessToken, refreshToken: s.refreshToken, expiresIn: s.expiresIn, user: toAuthUser(s.user) };
}

function clientViewer(c: ApiClient): Viewer {
  return { id: c.id, kind: 'api_client', role: 'api_client', username: c.clientId, displayName: c.name, orgCode: null, regionCode: null, scopes: [...c.scopes] };
}

@Resolver()
export class AuthResolver {
  constructor(
    private readonly sessions: SessionService,
    private readonly clients: ClientCredentialsService,
  ) {}

  @Public()
  @Mutation(() => AuthSession, { description: '工作人员登录 / staff sign-in; failures are throttled per user name and address' })
  async login(@Args() args: LoginArgs, @Context() ctx: unknown): Promise<AuthSession> {
    return toSession(await this.sessions.login(args.username, args.password, clientAddressOf(ctx)));
  }

  @Public()
  @Mutation(() => AuthSession, { description: '刷新令牌 / a new access token and refresh token; the given refresh token is spent' })
  async refresh(@Args() args: RefreshTokenArgs): Promise<AuthSession> {
    return toSession(await this.sessions.refresh(args.refreshToken));
  }

  @Public()
  @RateLimited('public')
  @Mutation(() => Boolean, { description: '退出登录 / revokes the sign-in the refresh token belongs to; false when it was unknown' })
  logout(@Args() args: RefreshTokenArgs): Promise<boolean> {
    return this.sessions.logout(args.refreshToken);
  }

  @Public()
  @Mutation(() => ClientToken, { description: '外部系统获取访问令牌 / client credentials: an access token for an external system' })
  async clientToken(@Args() args: ClientTokenArgs, @Context() ctx: unknown): Promise<ClientToken> {
    const issued = await this.clients.issue(args.clientId, args.clientSecret, clientAddressOf(ctx));
    return { accessToken: issued.accessToken, tokenType: 'Bearer', expiresIn: issued.expiresIn, scopes: [...issued.client.scopes] };
  }

  @Allow(...SIGNED_IN_ROLES)
  @Query(() => Viewer, { description: '当前登录身份 / who is signed in' })
  async me(@CurrentPrincipal() principal: Principal): Promise<Viewer> {
    if (principal.kind === 'api_client') return clientViewer(await this.clients.currentClient(principal.id));
    const u = await this.sessions.currentUser(principal.id);
    return { ...toAuthUser(u), kind: 'staff', scopes: [] };
  }
}
