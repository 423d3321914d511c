import { useEffect, useRef, useState } from 'react';
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
  const reloadRef = useRef(reload);
  reloadRef.current = reload;
  const onEventRef = useRef(options.onEvent);
  onEventRef.current = options.onEvent;
  const pollMs = options.pollMs ?? 5000;

  useEffect(() => onLiveStatus(setLive), []);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => reloadRef.current(), 300);
    };
    const stops = sources.map((s) =>
      subscribe(s.query, s.variables ?? {}, (data) => {
        onEventRef.current?.(data);
        soon();
      }),
    );
    return () => {
      clearTimeout(timer);
      for (const stop of stops) stop();
    };
    // The sources are identified by `key`: a new key (another region) restarts them.
  }, [options.key]);

  useEffect(() => {
    const every = live ? 30_000 : pollMs;
    const id = setInterval(() => reloadRef.current(), every);
    return () => clearInterval(id);
  }, [live, pollMs]);

  return live;
}
