import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Gives back the memory start-up used and will not use again, before the server listens.
 *
 * Loading the app (Fastify compiling its routes, Yjs, our model) allocates enough that V8
 * grows its young generation to its 32 MB maximum, and an idle process never shrinks it back:
 * a server nobody had used yet sat at ~125 MB where y-websocket's sits at ~90 MB. A full
 * collection that "reduces the memory footprint" (what V8 does under memory pressure) shrinks
 * the young generation to 1 MB; it grows again as fast as a busy server needs, so traffic
 * pays nothing. It runs once, before the first connection can be waiting on it.
 *
 * `gc` is taken from a fresh context so the app's own global never gets it.
 */
export function releaseStartupMemory(): { pauseMs: number; youngGenerationMb: number } {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (options: { type: 'major'; flavor: 'last-resort' }) => void;
  setFlagsFromString('--no-expose-gc');
  const started = performance.now();
  gc({ type: 'major', flavor: 'last-resort' });
  const newSpace = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  return { pauseMs: performance.now() - started, youngGenerationMb: (newSpace?.space_size ?? 0) / 1024 / 1024 };
}
