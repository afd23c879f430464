import { getHeapSpaceStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { releaseStartupMemory } from '../src/startup-memory.ts';

const youngGenerationMb = () => (getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0) / 1024 / 1024;

describe('releaseStartupMemory', () => {
  it('shrinks the young generation a busy start-up grew, so an idle server holds less memory', () => {
    // What loading the app does: many objects that survive a few collections, then are dropped.
    let kept: unknown[] = [];
    for (let round = 0; round === 0 || (round < 40 && youngGenerationMb() < 8); round++) {
      kept = [];
      for (let i = 0; i < 200_000; i++) kept.push({ i, s: `note ${i}` });
    }
    kept = [];
    expect(youngGenerationMb()).toBeGreaterThanOrEqual(8);

    const { youngGenerationMb: after } = releaseStartupMemory();

    expect(after).toBeLessThanOrEqual(2);
    expect(youngGenerationMb()).toBeLessThanOrEqual(2);
  });

  it('does not leave a gc function on the global object for the app or its dependencies', () => {
    releaseStartupMemory();
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
  });
});
