// Live updates: a graphql-ws subscription when the gateway offers it, and polling underneath in
// any case, so a board stays current when the socket is down (proxies, restarts) — the
// subscription only makes it immediate.
import { createClient, type Client } from 'graphql-ws';
import { loadSession } from './session';

let client: Client | null = null;
let connected = false;
const statusListeners = new Set<(connected: boolean) => void>();

function setConnected(value: boolean): void {
  connected = value;
  for (const l of statusListeners) l(value);
}

/** Tells whether the live socket is up now and whenever that changes; returns the unsubscribe. */
export function onLiveStatus(listener: (connected: boolean) => void): () => void {
  statusListeners.add(listener);
  listener(connected);
  return () => statusListeners.delete(listener);
}

function wsClient(): Client {
  client ??= createClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
    lazy: true,
    retryAttempts: 1000,
    // Read on every (re)connect, so a refreshed token is used.
    connectionParams: () => {
      const token = loadSession()?.accessToken;
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    on: { connected: () => setConnected(true), closed: () => setConnected(false) },
  });
  return client;
}

/** Calls `onEvent` for each event of the subscription; returns the function that stops it. Errors are reported, not thrown. */
export function subscribe<T>(query: string, variables: Record<string, unknown>, onEvent: (data: T) => void, onError: (err: unknown) => void = () => undefined): () => void {
  return wsClient().subscribe<T>(
    { query, variables },
    {
      next: (msg) => {
        if (msg.data) onEvent(msg.data as T);
      },
      error: onError,
      complete: () => undefined,
    },
  );
}

/** Closes the socket (on sign-out), so the next subscription authenticates afresh. */
export function closeLive(): void {
  void client?.dispose();
  client = null;
  setConnected(false);
}
