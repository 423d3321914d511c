import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { AuditLogService } from '../identity/audit-log.service';
import { isDemoSecret } from '../identity/demo-identities';
import { ApiClient } from '../identity/entities/api-client.entity';
import { verifyAgainstDecoy, verifySecret } from '../identity/secret-hasher';
import { AUTH_OPTIONS, type AuthOptions } from './auth.options';
import { AuthMessages, UnauthenticatedError } from './auth.errors';
import { LoginThrottle, throttleKeys } from './login-throttle.service';
import type { Principal } from './roles';
import { TokenService, type IssuedAccessToken } from './token.service';

export function clientPrincipal(c: ApiClient): Principal {
  return { kind: 'api_client', id: c.id, role: 'api_client', scopes: [...c.scopes] };
}

/** OAuth-style client credentials for external systems: id + secret → an access token carrying the client's scopes. */
@Injectable()
export class ClientCredentialsService {
  private readonly logger = new Logger('Auth');

  constructor(
    @InjectRepository(ApiClient) private readonly clients: Repository<ApiClient>,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditLogService,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  async issue(clientId: string, secret: string, address: string): Promise<IssuedAccessToken & { client: ApiClient }> {
    const id = clientId.trim();
    const attempt = await this.throttle.begin(throttleKeys('client', id, address));
    const client = await this.clients.findOneBy({ clientId: id });
    const ok = client ? await verifySecret(client.secretHash, secret) : await verifyAgainstDecoy(secret);
    if (!client || !ok || !client.active) {
      throw new UnauthenticatedError(AuthMessages.badClientCredentials);
    }
    if (this.options.production && isDemoSecret(secret)) {
      this.logger.warn(`refused the demo secret of ${id} in production`);
      throw new UnauthenticatedError(AuthMessages.demoRefused);
    }
    await this.throttle.succeeded(attempt);
    await this.audit.record({ actor: clientPrincipal(client), action: 'auth.client_token', subject: client.clientId });
    return { ...this.tokens.issue(clientPrincipal(client)), client };
  }

  /** The client as stored now; UNAUTHENTICATED once deactivated. */
  async currentClient(id: string): Promise<ApiClient> {
    const client = await this.clients.findOneBy({ id });
    if (!client?.active) throw new UnauthenticatedError(AuthMessages.tokenInvalid);
    return client;
  }
}
