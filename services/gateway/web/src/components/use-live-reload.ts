import { useEffect, useEffectEvent, useState } from 'react';
import { onLiveStatus, subscribe } from '../api/live';

export interface LiveSource {
  query: string;
  variables?: Record<string, unknown>;
}

/**
 * Keeps a page current: `reload` runs on every event of the given subscriptions (bunched within
 * 300 ms) and by polling — every `pollMs` while the socket is down, every 30 s while it is up
 * (a missed event costs at most that). `onEvent` sees each event first (to mark new rows).
 */
export function useLiveReload(reload: () => void, sources: LiveSource[], options: { pollMs?: number; onEvent?: (data: unknown) => void; key?: string } = {}): boolean {
  const [live, setLive] = useState(false);
  const pollMs = options.pollMs ?? 5000;
  // Effect events: the timers and subscriptions always call the newest callbacks without restarting.
  const reloadNow = useEffectEvent(() => reload());
  const onEvent = useEffectEvent((data: unknown) => options.onEvent?.(data));
  const startSources = useEffectEvent((onData: (data: unknown) => void) => sources.map((s) => subscribe(s.query, s.variables ?? {}, onData)));

  useEffect(() => onLiveStatus(setLive), []);

  // The sources are identified by `key`: a new key (another region) restarts them.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stops = startSources((data) => {
      onEvent(data);
      clearTimeout(timer);
      timer = setTimeout(() => reloadNow(), 300);
    });
    return () => {
      clearTimeout(timer);
      for (const stop of stops) stop();
    };
  }, [options.key]);

  useEffect(() => {
    const every = live ? 30_000 : pollMs;
    const id = setInterval(() => reloadNow(), every);
    return () => clearInterval(id);
  }, [live, pollMs]);

  return live;
}
