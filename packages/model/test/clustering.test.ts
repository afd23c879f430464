import { describe, expect, it } from 'vitest';
import {
  adjustedRandIndex,
  averageLinkage,
  EXACT_CLUSTERING_LIMIT,
  leaderGroups,
  noteFeatures,
  DEFAULT_FEATURE_WEIGHTS,
  suggestClusters,
  suggestionLabels,
} from '../src/clustering/index.ts';
import { PHASES } from '../src/phases.ts';
import fixture from './fixtures/cross-border-workshop.json' with { type: 'json' };

describe('adjustedRandIndex', () => {
  it.each([
    [[0, 0, 1, 1], [0, 0, 1, 1], 1],
    [[0, 0, 1, 1], ['b', 'b', 'a', 'a'], 1],
    [[0, 0, 1, 1], [0, 0, 1, 2], 0.571429],
    [[0, 0, 0, 1, 1, 1], [0, 1, 2, 0, 1, 2], -0.363636],
    [[0, 1, 2, 3], [0, 0, 0, 0], 0],
    [[7], [9], 1],
  ])('ARI(%j, %j) = %d', (a, b, ari) => {
    expect(adjustedRandIndex(a, b)).toBeCloseTo(ari, 5);
  });

  it('refuses labelings of different lengths', () => {
    expect(() => adjustedRandIndex([1, 2], [1])).toThrow(RangeError);
  });
});

describe('averageLinkage', () => {
  // Similarities among 5 items: {0,1,2} tight, {3,4} tight, the groups far apart.
  const base = [
    [1, 0.9, 0.8, 0.1, 0.0],
    [0.9, 1, 0.7, 0.0, 0.1],
    [0.8, 0.7, 1, 0.2, 0.1],
    [0.1, 0.0, 0.2, 1, 0.6],
    [0.0, 0.1, 0.1, 0.6, 1],
  ];
  it.each([
    [0.95, [0, 1, 2, 3, 4]],
    [0.85, [0, 0, 1, 2, 3]],
    // {0,1} then 2 joins at mean(0.8, 0.7) = 0.75.
    [0.75, [0, 0, 0, 1, 2]],
    [0.6, [0, 0, 0, 1, 1]],
    // The two groups average (0.1+0+0+0.1+0.2+0.1)/6 = 0.083.
    [0.09, [0, 0, 0, 1, 1]],
    [0.08, [0, 0, 0, 0, 0]],
  ])('cut at %d gives %j', (threshold, labels) => {
    const m = Float32Array.from(base.flat());
    expect(Array.from(averageLinkage(m, 5, threshold))).toEqual(labels);
  });

  it('weights pre-grouped items by their sizes', () => {
    // 2 is 0.5 from item 0 and 0 from item 1; after 0 and 1 merge, what 2 sees depends on
    // how many notes each stands for: (3·0.5 + 1·0)/4 = 0.375 versus (1·0.5 + 3·0)/4 = 0.125.
    const m = [1, 0.9, 0.5, 0.9, 1, 0, 0.5, 0, 1];
    expect(Array.from(averageLinkage(Float32Array.from(m), 3, 0.3, [3, 1, 1]))).toEqual([0, 0, 0]);
    expect(Array.from(averageLinkage(Float32Array.from(m), 3, 0.3, [1, 3, 1]))).toEqual([0, 0, 1]);
  });
});

const notes = fixture.notes.map((n, i) => ({ ...n, id: `n${i}` }));

function phaseAri(phase: string, options = {}): number {
  const ns = notes.filter((n) => n.phase === phase);
  const suggestions = suggestClusters(ns, options);
  return adjustedRandIndex(ns.map((n) => n.cluster), suggestionLabels(ns.map((n) => n.id), suggestions));
}

describe('suggestClusters', () => {
  it('groups the same idea written in English, Spanish and French', () => {
    const suggestions = suggestClusters([
      { id: 'en', text: 'Open data portals for every city' },
      { id: 'es', text: 'Portales de datos abiertos en cada ciudad' },
      { id: 'fr', text: 'Des portails de données ouvertes dans chaque ville' },
      { id: 'm1', text: 'No stable funding for innovation budgets' },
      { id: 'm2', text: 'Falta de financiación y presupuesto para innovar' },
    ]);
    expect(suggestions.map((s) => s.noteIds.sort())).toEqual([['en', 'es', 'fr'], ['m1', 'm2']]);
  });

  it('titles a cluster with its commonest terms as written', () => {
    const [s] = suggestClusters([
      { id: 'a', text: 'Funding for pilots runs out' },
      { id: 'b', text: 'Pilots need funding to scale' },
      { id: 'c', text: 'Funding cycles are too slow' },
    ]);
    expect(s!.title).toMatch(/^Funding, pilots/);
  });

  it('returns no suggestion for an empty board, and none for notes with nothing in common', () => {
    expect(suggestClusters([])).toEqual([]);
    expect(suggestClusters([{ id: 'a', text: 'Bananas' }, { id: 'b', text: 'Quantum' }])).toEqual([]);
    expect(suggestClusters([{ id: 'a', text: '' }, { id: 'b', text: '!!!' }], { minSize: 1 })).toHaveLength(2);
  });

  // Measured with `pnpm bench:cluster` (threshold tuned on painPoints only); a plain word
  // TF-IDF stays near 0 here. These floors catch regressions, not luck.
  it.each([
    ['painPoints', 0.6],
    ['visions', 0.55],
    ['recommendations', 0.3],
  ])('matches the facilitator on the fixture’s %s phase (ARI ≥ %d)', (phase, floor) => {
    expect(phaseAri(phase)).toBeGreaterThanOrEqual(floor);
  });

  it('does better on average than words alone', () => {
    const mean = (o: object) => PHASES.reduce((s, p) => s + phaseAri(p, o), 0) / PHASES.length;
    expect(mean({})).toBeGreaterThan(mean({ weights: { ngrams: 0, concepts: 0 }, threshold: 0.05 }) + 0.2);
  });

  it('lets an operator’s embeddings decide when they are weighted heavily', () => {
    const texts = [
      { id: 'a', text: 'Budget cycles' }, { id: 'b', text: 'Budget approval' },
      { id: 'c', text: 'Weather' }, { id: 'd', text: 'Storms' },
    ];
    // A pretend model that knows a–d and b–c mean the same thing.
    const embed = (ts: string[]) => ts.map((t) => (t === 'Budget cycles' || t === 'Storms' ? [1, 0] : [0, 1]));
    const s = suggestClusters(texts, { embed, weights: { embedding: 20 }, threshold: 0.5 });
    expect(s.map((c) => c.noteIds.sort())).toEqual([['a', 'd'], ['b', 'c']]);
    expect(() => suggestClusters(texts, { embed: () => [[1]] })).toThrow(/1 vectors for 4 notes/);
  });
});

describe('large boards', () => {
  // Past the exact limit, notes are pre-grouped by leaders; copies of one note must still
  // land together and different fixture clusters must not all collapse into one.
  const count = EXACT_CLUSTERING_LIMIT + 300;
  const big = Array.from({ length: count }, (_, i) => ({ ...notes[i % notes.length]!, id: `b${i}` }));

  it(`keeps identical notes together past ${EXACT_CLUSTERING_LIMIT} notes`, () => {
    const suggestions = suggestClusters(big);
    const labels = suggestionLabels(big.map((n) => n.id), suggestions);
    const labelOfText = new Map<string, string>();
    big.forEach((n, i) => {
      const seen = labelOfText.get(n.text);
      if (seen) expect(labels[i]).toBe(seen);
      else labelOfText.set(n.text, labels[i]!);
    });
    expect(new Set(labels).size).toBeGreaterThan(5);
    expect(adjustedRandIndex(big.map((n) => n.cluster), labels)).toBeGreaterThan(0.3);
  }, 30_000);

  it('leader groups put near-copies under one leader and cap the number of leaders', () => {
    const { vectors } = noteFeatures(['open data', 'open data', 'budget cuts', 'open data', 'storms'], DEFAULT_FEATURE_WEIGHTS);
    expect(leaderGroups(vectors, 0.9, 10).members).toEqual([[0, 1, 3], [2], [4]]);
    expect(leaderGroups(vectors, 0.9, 2).members).toEqual([[0, 1, 3, 4], [2]]);
  });

});
