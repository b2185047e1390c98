import { useEffect, useState } from 'react';

/** The current time, renewed every `everyMs` while `ticking`: only the component using it re-renders. */
export function useNow(everyMs: number, ticking: boolean): string {
  const [now, setNow] = useState(() => new Date().toISOString());
  useEffect(() => {
    setNow(new Date().toISOString());
    if (!ticking) return;
    const timer = setInterval(() => setNow(new Date().toISOString()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs, ticking]);
  return now;
}
