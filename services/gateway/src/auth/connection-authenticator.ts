import { Injectable } from '@nestjs/common';
import { bearerToken } from './request-credentials';
import type { TokenHolder } from './access-revocations';
import type { Principal } from './roles';
import { AccessTokenAuthenticator, holderOf } from './access-token-authenticator';

/** What graphql-ws knows of a connection when connection_init arrives. */
export interface ConnectionInit {
  /** The connection_init payload: browsers cannot set headers on a WebSocket, so the token travels here. */
  connectionParams?: Readonly<Record<string, unknown>>;
  /** The HTTP upgrade request's headers (server-side clients may authenticate there instead). */
  headers?: Readonly<Record<string, string | string[] | undefined>>;
}

function stringIn(bag: Readonly<Record<string, unknown>> | undefined, key: string): string | undefined {
  const v = bag?.[key] ?? bag?.[key[0].toUpperCase() + key.slice(1)];
  return typeof v === 'string' ? v : undefined;
}

/** A connection let in: who it signed in as, and for how long its token holds. */
export interface AdmittedConnection {
  principal: Principal;
  /** Milliseconds until the access token expires; the transport closes the socket then. */
  expiresInMs: number;
  /** Whose standing the token rests on: the transport re-checks it while the socket stays open. */
  holder: TokenHolder;
}

/**
 * Admits a live connection (graphql-ws connection_init) only with a valid access token whose
 * holder is still in good standing (AccessTokenAuthenticator), so an anonymous socket — or one of
 * a disabled user, a revoked client, an ended sign-in — is closed (4403) before it can ask anything. Each subscription on the
 * connection then still passes the guard with the same token and its field's @Allow; the
 * transport closes the socket when the token expires (graphql/connection-expiry.ts) or when a
 * periodic re-check finds its holder no longer in good standing (graphql/live-access-recheck.ts).
 */
@Injectable()
export class ConnectionAuthenticator {
  constructor(private readonly access: AccessTokenAuthenticator) {}

  /** Who the connection signs in as, and until when; null refuses the connection. */
  async authenticate(init: ConnectionInit): Promise<AdmittedConnection | null> {
    const token = bearerToken(stringIn(init.connectionParams, 'authorization') ?? stringIn(init.headers as Record<string, unknown>, 'authorization'));
    if (!token) return null;
    const verified = await this.access.authenticate(token);
    return verified && { principal: verified.principal, expiresInMs: verified.expiresInMs, holder: holderOf(verified) };
  }

  /** Whether each open connection's holder has lost the right to its token since (disabled, signed out, moved): one question for all. */
  revokedAmong(holders: readonly TokenHolder[]): Promise<boolean[]> {
    return this.access.revokedAmong(holders);
  }
}
