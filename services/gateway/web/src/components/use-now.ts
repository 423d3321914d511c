import { useEffect, useState } from 'react';

/**
 * The time now, renewed every `everyMs`: a render reads the clock from state (so it stays pure),
 * and a deadline that passes while the page is open shows without a reload.
 */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}
