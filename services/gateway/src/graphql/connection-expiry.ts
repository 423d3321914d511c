/**
 * A live connection (graphql-ws) is signed in once, at connection_init; its subscriptions then run
 * on. So that an access token does not outlive its expiry on an open socket, the socket is closed
 * when the token runs out:
 *
 *   close code 4403 (Forbidden), reason "access token expired"
 *
 * — the code a refused connection_init gets too. The graphql-ws client retries on 4403 (4401 it
 * treats as fatal) and reads `connectionParams` again, so a client that refreshed its token
 * reconnects by itself with the new one; one that did not is refused again.
 */
export const TOKEN_EXPIRED_CLOSE = { code: 4403, reason: 'Forbidden: access token expired' } as const;

/**
 * The same close, before expiry, for a socket whose holder lost the right to its token since
 * connection_init — user disabled, signed out, moved to another role or place; API client revoked
 * (graphql/live-access-recheck.ts). A client that refreshes reconnects with a token that holds,
 * or is refused.
 */
export const ACCESS_REVOKED_CLOSE = { code: 4403, reason: 'Forbidden: access revoked' } as const;

/** Runs `fire` once `ms` have passed; returns what cancels it. Injected, so tests need no clock. */
export type ExpiryScheduler = (ms: number, fire: () => void) => () => void;

/** setTimeout's longest delay; a token never lives this long (GATEWAY_ACCESS_TOKEN_TTL_S ≤ 3600). */
const MAX_DELAY_MS = 2 ** 31 - 1;

export const timerScheduler: ExpiryScheduler = (ms, fire) => {
  const timer = setTimeout(fire, Math.min(Math.max(ms, 0), MAX_DELAY_MS));
  // A pending expiry must not keep the process alive at shutdown.
  timer.unref();
  return () => clearTimeout(timer);
};

/** What can be closed: the `ws` socket graphql-ws keeps in the connection's `extra`. */
export interface ClosableSocket {
  close(code: number, reason: string): void;
}

/** One timer per open connection (keyed by graphql-ws's connection context), cancelled when it closes first. */
export class ConnectionExpiry {
  private readonly pending = new WeakMap<object, () => void>();

  constructor(private readonly schedule: ExpiryScheduler = timerScheduler) {}

  /** Closes `socket` with TOKEN_EXPIRED_CLOSE after `expiresInMs`, unless `release` comes first. */
  watch(connection: object, socket: ClosableSocket | undefined, expiresInMs: number): void {
    this.release(connection);
    const cancel = this.schedule(expiresInMs, () => {
      this.pending.delete(connection);
      socket?.close(TOKEN_EXPIRED_CLOSE.code, TOKEN_EXPIRED_CLOSE.reason);
    });
    this.pending.set(connection, cancel);
  }

  /** The connection closed (or signs in again): its timer is no longer needed. */
  release(connection: object): void {
    this.pending.get(connection)?.();
    this.pending.delete(connection);
  }
}
