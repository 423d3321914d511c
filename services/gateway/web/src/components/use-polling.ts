import { useEffect, useEffectEvent } from 'react';

/** Calls `tick` every `everyMs` while the component is shown: for lists that have no subscription. */
export function usePolling(tick: () => void, everyMs: number): void {
  const onTick = useEffectEvent(() => tick());
  useEffect(() => {
    const id = setInterval(() => onTick(), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
}
