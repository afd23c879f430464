/** A frame that takes longer than two 60 Hz frames is one a person sees as a stutter. */
export const DROPPED_FRAME_MS = 33;

export interface FrameStats {
  frames: number;
  p50: number;
  p95: number;
  max: number;
  dropped: number;
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Frame times from consecutive requestAnimationFrame timestamps. */
export function frameStats(timestamps: readonly number[]): FrameStats {
  const gaps: number[] = [];
  for (let i = 1; i < timestamps.length; i++) gaps.push(timestamps[i]! - timestamps[i - 1]!);
  gaps.sort((a, b) => a - b);
  return {
    frames: gaps.length,
    p50: percentile(gaps, 50),
    p95: percentile(gaps, 95),
    max: gaps.length ? gaps[gaps.length - 1]! : NaN,
    dropped: gaps.filter((g) => g > DROPPED_FRAME_MS).length,
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
