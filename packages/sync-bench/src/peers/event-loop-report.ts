import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';

/**
 * The peers have no /metrics, so their child process answers `eld` on stdin with the
 * event-loop delay since the last question, the same window our /metrics scrape covers.
 */
/** prom-client's default too, so our /metrics and the peers are sampled alike. */
const RESOLUTION_MS = 10;

export function reportEventLoopDelayOnRequest(): void {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line.trim() !== 'eld') return;
    // Node records whole sampling intervals; the delay is what exceeds the resolution.
    const ms = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
    console.log(`ELD ${JSON.stringify({ p99Ms: ms(histogram.percentile(99)), maxMs: ms(histogram.max) })}`);
    histogram.reset();
  });
}
