/**
 * Reconnect delays. y-websocket waits min(2^n × 100 ms, maxBackoffTime) after the n-th failed
 * attempt, the same for every client — so after a server restart every browser comes back in
 * the same instant. We add "equal jitter": before each retry we lower maxBackoffTime to a random
 * point in the upper half of the delay the library would have used, which spreads the herd
 * while keeping the exponential growth.
 */
export const BASE_BACKOFF_MS = 100;
export const MAX_BACKOFF_MS = 10_000;

export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const full = Math.min(BASE_BACKOFF_MS * 2 ** Math.max(0, attempt), MAX_BACKOFF_MS);
  return Math.round(full / 2 + random() * (full / 2));
}
