import { useEffect } from 'react';
import { create } from 'zustand';
import { estimateOffset, type ClockSample } from '@crossboard/model';
import { api } from '../api/client.ts';

/** Round trips to GET /api/time per estimate; the quickest one wins (see estimateOffset). */
export const CLOCK_SAMPLES = 5;
/** Clocks drift and laptops sleep: estimate again this often while a board is open. */
export const CLOCK_RESYNC_MS = 5 * 60_000;

interface ServerClock {
  /** Add to Date.now() to read the server's clock; 0 until the first estimate. */
  offsetMs: number;
  synced: boolean;
  inFlight: Promise<void> | null;
}

export const useServerClock = create<ServerClock>(() => ({ offsetMs: 0, synced: false, inFlight: null }));

/** The server's clock now, as well as this browser can tell. */
export function serverNow(): number {
  return Date.now() + useServerClock.getState().offsetMs;
}

export function syncServerClock(samples = CLOCK_SAMPLES): Promise<void> {
  const running = useServerClock.getState().inFlight;
  if (running) return running;
  const job = (async () => {
    const taken: ClockSample[] = [];
    for (let i = 0; i < samples; i++) {
      const sentAt = Date.now();
      try {
        const { now } = await api.time();
        taken.push({ sentAt, serverNow: now, receivedAt: Date.now() });
      } catch {
        // Offline: keep the previous estimate; the next resync tries again.
      }
    }
    const est = estimateOffset(taken);
    useServerClock.setState(est ? { offsetMs: est.offsetMs, synced: true, inFlight: null } : { inFlight: null });
  })();
  useServerClock.setState({ inFlight: job });
  return job;
}

/** Starts (and keeps refreshing) the offset estimate; returns the current offset. */
export function useServerOffset(): number {
  useEffect(() => {
    if (!useServerClock.getState().synced) void syncServerClock();
    const id = setInterval(() => void syncServerClock(), CLOCK_RESYNC_MS);
    return () => clearInterval(id);
  }, []);
  return useServerClock((s) => s.offsetMs);
}

/** For tests: forget the estimate so the next board measures again. */
export function resetServerClock(): void {
  useServerClock.setState({ offsetMs: 0, synced: false, inFlight: null });
}
