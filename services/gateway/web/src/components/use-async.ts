import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

/** Runs `load` when `deps` change (and on reload()); keeps the last data while reloading, so live pages do not flicker. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): { data: T | undefined; error: unknown; loading: boolean; reload: () => Promise<void> } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  // reload() is handed out and called from event handlers: it reads the newest `load` from a ref
  // (written after each render, never during one).
  const loadRef = useRef(load);
  useLayoutEffect(() => {
    loadRef.current = load;
  });
  const seq = useRef(0);
  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    try {
      const value = await loadRef.current();
      if (mine === seq.current) {
        setData(value);
        setError(undefined);
      }
    } catch (err) {
      if (mine === seq.current) setError(err);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, []);
  useEffect(
    () => {
      // Fetching is what this effect is for: `loading` turns on as the request starts.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      void reload();
    },
    // The caller names what the load depends on (like useMemo's list); `load` itself is new each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    deps,
  );
  return { data, error, loading, reload };
}
