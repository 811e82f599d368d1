/** The current time as React state, ticking at a given interval (for countdowns). */
import { useEffect, useState } from 'react';

/** `Date.now()`, refreshed every `intervalMs` while the calling component is shown. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
