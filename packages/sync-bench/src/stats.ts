/** Nearest-rank percentiles: the reported p99 is a latency some message really had. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export interface Distribution {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function distribution(values: number[]): Distribution {
  const sorted = Float64Array.from(values).sort();
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Monotonic microseconds, the clock V8 stamps `--cpu-prof` samples with. */
export const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

/** Prints a measured window so a server profile can be cut to it (profile-summary --window). */
export function logWindow(label: string, startUs: number): void {
  console.error(`window ${label} ${startUs}-${monotonicUs()}`);
}
