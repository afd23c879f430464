import { useEffect, useState } from 'react';

/** Local times and "next session" labels only change by the minute; re-render that often. */
export function useMinuteClock(intervalMs = 20_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}
