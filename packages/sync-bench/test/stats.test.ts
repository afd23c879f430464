import { describe, expect, it } from 'vitest';
import { distribution, percentile } from '../src/stats.ts';

describe('percentiles', () => {
  it('report a value that was really measured (nearest rank)', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
  });

  it('summarise unsorted samples, and an empty set as not-a-number', () => {
    expect(distribution([5, 1, 3])).toEqual({ count: 3, p50: 3, p95: 5, p99: 5, max: 5 });
    expect(distribution([]).p99).toBeNaN();
  });
});
