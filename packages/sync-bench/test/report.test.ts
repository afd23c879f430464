import { describe, expect, it } from 'vitest';
import { markdownTable, type TargetResults } from '../src/report.ts';
import type { ManyRoomsResult } from '../src/scenarios/many-rooms.ts';

const step = (sentRate: number, cpuPct: number): ManyRoomsResult['steps'][number] => ({
  targetRate: 5000,
  sentRate,
  delivered: 9,
  expected: 9,
  latency: { count: 9, p50: 1, p95: 2, p99: 3, max: 4 },
  cpuPct,
  loadGeneratorCpuPct: 50,
});

const row = (table: string, metric: string) => table.split('\n').find((l) => l.includes(`| ${metric} |`));

describe('the bench table', () => {
  it('gives every server its idle memory after start, with the ratio to the better peer', () => {
    const results = {
      crossboard: { idleRssKb: 115 * 1024 },
      'y-websocket': { idleRssKb: 100 * 1024 },
      hocuspocus: { idleRssKb: 110 * 1024 },
    } as Record<string, TargetResults>;
    expect(row(markdownTable(results as never, 50), 'idle RSS after start MB')).toBe(
      '| Start | idle RSS after start MB | 115 | 100 | 110 | 1.15× | ≤ 1.15× peer |',
    );
  });

  it('compares S2 CPU per update really sent, not CPU per second, when a server took less of the rate asked', () => {
    // Ours took 4,000/s at 60 % of a core (150 µs each); the peer took 5,000/s at 70 % (140 µs each).
    const results = {
      crossboard: { s2: { rooms: 100, steps: [step(4000, 60)] } },
      'y-websocket': { s2: { rooms: 100, steps: [step(5000, 70)] } },
    } as Record<string, TargetResults>;
    const table = markdownTable(results as never, 50);
    expect(row(table, 'server CPU %')).toContain('0.86×');
    expect(row(table, 'server CPU µs per update in')).toBe(
      '| S2 many rooms, 5000 updates/s asked | server CPU µs per update in | 150 | 140 | 1.07× | ≤ 1.0× peer |',
    );
  });
});
