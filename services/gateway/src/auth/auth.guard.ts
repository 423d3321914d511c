import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { accessRuleOf } from './access-rule';
import { AccessTokenAuthenticator } from './access-token-authenticator';
import { AuthMessages, ForbiddenError, UnauthenticatedError } from './auth.errors';
import { authorizationOf, bearerToken, principalHolderOf, type PrincipalHolder } from './request-credentials';
import type { Principal } from './roles';

/** What the guard concluded about the caller of one request, kept so field resolvers do not verify again. */
type Authentication = { principal: Principal } | { principal?: undefined; invalid: boolean };

/**
 * Deny by default, for every GraphQL operation and field and every HTTP route (APP_GUARD):
 * @Public passes anyone; @Allow(...roles) passes a verified principal of one of those roles
 * (API clients also need the method's @RequireScopes); anything else is refused —
 * UNAUTHENTICATED when nobody valid is signed in (a disabled user, a revoked client or an ended
 * sign-in included), FORBIDDEN when someone is.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('AuthGuard');
  // Per request only: the request's fields share one check, the next request checks again.
  private readonly seen = new WeakMap<PrincipalHolder, Promise<Authentication>>();

  constructor(private readonly access: AccessTokenAuthenticator) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = accessRuleOf(context.getHandler(), context.getClass());
    const auth = await this.authenticate(context);
    if (rule?.kind === 'public') return true;
    if (!auth.principal) throw new UnauthenticatedError(auth.invalid ? AuthMessages.tokenInvalid : AuthMessages.signInFirst);
    if (!rule) {
      this.logger.warn(`refused ${context.getClass().name}.${context.getHandler().name}: it has neither @Allow nor @Public`);
      throw new ForbiddenError(AuthMessages.notGuarded);
    }
    const { principal } = auth;
    if (!rule.roles.includes(principal.role)) throw new ForbiddenError();
    if (principal.kind === 'api_client' && !rule.scopes.every((s) => principal.scopes.includes(s))) throw new ForbiddenError(AuthMessages.missingScope);
    return true;
  }

  /** Authenticates the bearer token once per request (or subscription operation) and leaves the principal on it. */
  private authenticate(context: ExecutionContext): Promise<Authentication> {
    const holder = principalHolderOf(context);
    const known = holder && this.seen.get(holder);
    if (known) return known;
    const auth = this.verify(bearerToken(authorizationOf(context))).then((a) => {
      if (holder && a.principal) holder.principal = a.principal;
      return a;
    });
    if (holder) this.seen.set(holder, auth);
    return auth;
  }

  private async verify(token: string | null | undefined): Promise<Authentication> {
    if (token === undefined) return { invalid: false };
    if (token === null) return { invalid: true };
    const verified = await this.access.authenticate(token);
    return verified ? { principal: verified.principal } : { invalid: true };
  }
}
