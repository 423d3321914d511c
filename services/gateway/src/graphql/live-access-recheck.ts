import type { OnModuleDestroy } from '@nestjs/common';
import type { TokenHolder } from '../auth/access-revocations';
import { ACCESS_REVOKED_CLOSE, type ClosableSocket } from './connection-expiry';

/** Whether each holder's tokens have been taken back, in their order: one question for all of them. */
export type RevocationCheck = (holders: readonly TokenHolder[]) => Promise<boolean[]>;

/** Runs `tick` every `ms` until the returned function is called. Injected, so tests need no clock. */
export type Ticker = (ms: number, tick: () => void) => () => void;

export const intervalTicker: Ticker = (ms, tick) => {
  const timer = setInterval(tick, ms);
  // The re-check must not keep the process alive at shutdown.
  timer.unref();
  return () => clearInterval(timer);
};

export interface LiveAccessRecheckOptions {
  check: RevocationCheck;
  /** How often every open connection is re-checked (GATEWAY_LIVE_ACCESS_CHECK_S). */
  intervalMs: number;
  /** A check that failed (the database unreachable): logged; the sockets stay open until the next check. */
  onError: (err: unknown) => void;
  ticker?: Ticker;
}

interface Watched {
  socket?: ClosableSocket;
  holder: TokenHolder;
}

/** Holders that are the same for taking back (one user's several tabs) are asked about once. */
function holderKey(h: TokenHolder): string {
  return h.kind === 'staff' ? JSON.stringify([h.kind, h.id, h.sessionId, h.role, h.orgCode ?? null, h.regionCode ?? null]) : JSON.stringify([h.kind, h.id]);
}

/**
 * An open live connection (graphql-ws) was checked at connection_init and each subscription's
 * start; its subscriptions then stream on. So that disabling a user, signing out, a new role or
 * place, or a revoked API client holds within `intervalMs` on an open socket too, every open
 * connection of this process is re-checked on one timer — one question to the database per
 * tick, however many sockets — and a revoked one is closed with ACCESS_REVOKED_CLOSE (4403).
 *
 * When the check fails (database away) the sockets stay open: closing them all would send every
 * client into a reconnect that connection_init refuses anyway, and the next tick asks again.
 */
export class LiveAccessRecheck implements OnModuleDestroy {
  private readonly open = new Map<object, Watched>();
  private readonly ticker: Ticker;
  private stopTicking?: () => void;
  private running?: Promise<void>;
  /** Checks completed (that asked about at least one connection). */
  completed = 0;

  constructor(private readonly options: LiveAccessRecheckOptions) {
    if (!(options.intervalMs > 0)) throw new Error(`LiveAccessRecheck: intervalMs must be positive, got ${options.intervalMs}`);
    this.ticker = options.ticker ?? intervalTicker;
  }

  get connections(): number {
    return this.open.size;
  }

  /** Re-checks `holder` while `connection` stays open; the timer runs only while some connection does. */
  watch(connection: object, socket: ClosableSocket | undefined, holder: TokenHolder): void {
    this.open.set(connection, { socket, holder });
    this.stopTicking ??= this.ticker(this.options.intervalMs, () => void this.check());
  }

  /** The connection closed: nothing more to check for it. */
  release(connection: object): void {
    this.open.delete(connection);
    if (this.open.size > 0) return;
    this.stopTicking?.();
    this.stopTicking = undefined;
  }

  /** One re-check of every open connection; a tick while one runs joins it rather than asking twice. */
  check(): Promise<void> {
    this.running ??= this.checkOnce().finally(() => (this.running = undefined));
    return this.running;
  }

  onModuleDestroy(): void {
    this.stopTicking?.();
    this.stopTicking = undefined;
    this.open.clear();
  }

  private async checkOnce(): Promise<void> {
    const watched = [...this.open];
    if (watched.length === 0) return;
    const unique = new Map<string, TokenHolder>();
    for (const [, w] of watched) unique.set(holderKey(w.holder), w.holder);
    const holders = [...unique.values()];
    let answers: boolean[];
    try {
      answers = await this.options.check(holders);
    } catch (err) {
      this.options.onError(err);
      return;
    }
    const revoked = new Set(holders.filter((_, i) => answers[i] !== false).map(holderKey));
    for (const [connection, w] of watched) {
      // Closed (or closed and replaced) while the question was out: not ours to close now.
      if (this.open.get(connection) !== w || !revoked.has(holderKey(w.holder))) continue;
      this.release(connection);
      w.socket?.close(ACCESS_REVOKED_CLOSE.code, ACCESS_REVOKED_CLOSE.reason);
    }
    this.completed++;
  }
}
