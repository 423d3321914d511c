import { useCallback, useState } from 'react';

/**
 * One button's worth of state: runs an action, keeps `busy` while it runs and the error it threw
 * (shown with ErrorMessage). Returns the action's value, or undefined when it failed.
 */
export function useAction(): { busy: boolean; error: unknown; run: <T>(action: () => Promise<T>) => Promise<T | undefined>; clear: () => void } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const run = useCallback(async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(undefined);
    try {
      return await action();
    } catch (err) {
      setError(err);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  const clear = useCallback(() => setError(undefined), []);
  return { busy, error, run, clear };
}
