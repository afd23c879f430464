import { describe, expect, it } from 'vitest';
import {
  adjustedRandIndex,
  averageLinkage,
  EXACT_CLUSTERING_LIMIT,
  leaderGroups,
  noteFeatures,
  DEFAULT_FEATURE_WEIGHTS,
  embeddingVectors,
  mainLanguage,
  MIN_EMBEDDING_THRESHOLD,
  notesLeftAlone,
  pairPrecision,
  suggestClusters,
  suggestClustersFromEmbeddings,
  suggestionLabels,
  titlePhrase,
} from '../src/clustering/index.ts';
import { PHASES } from '../src/phases.ts';
import fixture from './fixtures/cross-border-workshop.json' with { type: 'json' };
import set1 from './fixtures/clustering/set-1.json' with { type: 'json' };
import set2 from './fixtures/clustering/set-2.json' with { type: 'json' };
import set3 from './fixtures/clustering/set-3.json' with { type: 'json' };

const labelledSets = [set1, set2, set3];

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
const board = (texts: string[]) => texts.map((text, i) => ({ id: String(i), text }));
const groupsOf = (texts: string[], options = {}) => suggestClusters(board(texts), options).map((s) => s.noteIds.sort());

describe('suggestClusters', () => {
  // Precision first: a group needs strong shared evidence; one shared word is not enough.
  it.each([
    [
      'the same point written twice',
      ['Funding for pilots runs out', 'Pilots need funding to scale', 'Funding cycles are too slow', 'The weather was nice'],
      [['0', '1']],
    ],
    ['British and American spelling', ['Digitise the archive', 'Digitize the archives', 'Storm surge barriers'], [['0', '1']]],
    [
      'a Spanish paraphrase',
      ['La financiación europea se acaba con el piloto', 'Financiación europea que se acaba tras el piloto', 'Plátanos'],
      [['0', '1']],
    ],
    [
      'French, accents or not',
      ['Les données de santé restent bloquées', 'Donnees de sante bloquees aux frontieres', 'Bananes'],
      [['0', '1']],
    ],
    [
      'one incidental shared word',
      ['Patients worry their records end up with insurers', 'Patient IDs do not match so we end up with duplicates'],
      [],
    ],
    ['the same topic in other words', ['No budget after the pilot', 'Grants cover setup but never running costs'], []],
  ])('%s → %j', (_, texts, groups) => {
    expect(groupsOf(texts)).toEqual(groups);
  });

  it('returns no suggestion for an empty board, and none for notes with nothing in common', () => {
    expect(suggestClusters([])).toEqual([]);
    expect(
      suggestClusters([
        { id: 'a', text: 'Bananas' },
        { id: 'b', text: 'Quantum' },
      ]),
    ).toEqual([]);
    expect(
      suggestClusters(
        [
          { id: 'a', text: '' },
          { id: 'b', text: '!!!' },
        ],
        { minSize: 1 },
      ),
    ).toHaveLength(2);
  });

  it('says how many notes it left alone', () => {
    const texts = ['Funding for pilots runs out', 'Pilots need funding to scale', 'Weather', 'Storms'];
    expect(notesLeftAlone(texts.length, suggestClusters(board(texts)))).toBe(2);
  });
});

describe('cluster titles', () => {
  it.each([
    ['Keep a phone line for people who cannot go online at all', 'Keep a phone line for people who…'],
    ['grants cover setup. Never the running costs', 'Grants cover setup'],
    ['Plain language – no bureaucratic jargon', 'Plain language'],
    ['Open data, everywhere', 'Open data'],
    ['¿Quién paga?', '¿Quién paga?'],
  ])('%j is titled %j', (text, title) => {
    expect(titlePhrase(text)).toBe(title);
  });

  it('takes the phrase from the most central note, in the board’s main language', () => {
    const texts = [
      'Des données de santé bloquées aux frontières',
      'Health data blocked at borders',
      'Health data blocked at borders by law',
      'Health data stuck at borders',
      'Storm surge',
    ];
    const [s] = suggestClusters(board(texts), { threshold: 0.15 });
    expect(s!.noteIds).toContain('1');
    expect(s!.title).toBe('Health data blocked at borders');
    expect(mainLanguage(['fr', 'en', 'en', 'es'])).toBe('en');
  });
});

describe('suggestClustersFromEmbeddings', () => {
  const texts = board(['Budget cycles', 'Budget approval', 'Weather', 'Storms', 'Trains']);
  it('groups by cosine of the operator’s vectors, whatever the words', () => {
    // A pretend model that knows 0–3 and 1–2 mean the same thing and 4 is unrelated.
    const vectors = [
      [1, 0, 0],
      [0, 1, 0],
      [0.05, 1, 0],
      [1, 0.05, 0],
      [0, 0, 1],
    ];
    expect(suggestClustersFromEmbeddings(texts, vectors).map((s) => s.noteIds.sort())).toEqual([
      ['0', '3'],
      ['1', '2'],
    ]);
  });

  it('groups nothing when every note is as far from the others', () => {
    const vectors = [
      [1, 0, 0, 0, 0],
      [0, 1, 0, 0, 0],
      [0, 0, 1, 0, 0],
      [0, 0, 0, 1, 0],
      [0, 0, 0, 0, 1],
    ];
    expect(suggestClustersFromEmbeddings(texts, vectors)).toEqual([]);
  });

  it('refuses a vector count that does not match the notes', () => {
    expect(() => suggestClustersFromEmbeddings(texts, [[1]])).toThrow(/1 embeddings for 5 notes/);
  });

  it('sets its cut from the board’s spread, never under the floor', () => {
    expect(
      embeddingVectors([
        [1, 0],
        [0, 1],
        [1, 1],
      ]).threshold,
    ).toBeGreaterThanOrEqual(MIN_EMBEDDING_THRESHOLD);
  });
});

// The labelled sets of issue 17: paraphrases in three languages. What was tuned on them is
// the cut; set 3 is held out. A suggestion a facilitator accepts must be right: pair
// precision stays ≥ 0.7 on every set (vacuously so while nothing is suggested offline).
describe('labelled sets', () => {
  const sets = [1, 2, 3].map((k) => ({ k, notes: labelledSets[k - 1]!.notes.map((n, i) => ({ ...n, id: `n${i}` })) }));
  it.each(sets)('set $k: suggestions put together only notes the reference puts together', ({ notes: ns }) => {
    const suggestions = suggestClusters(ns);
    const precision = pairPrecision(
      ns.map((n) => n.cluster),
      suggestionLabels(
        ns.map((n) => n.id),
        suggestions,
      ),
    );
    expect(precision ?? 1).toBeGreaterThanOrEqual(0.7);
  });

  it('the fixture gets no wrong pair either', () => {
    for (const phase of PHASES) {
      const ns = notes.filter((n) => n.phase === phase);
      const precision = pairPrecision(
        ns.map((n) => n.cluster),
        suggestionLabels(
          ns.map((n) => n.id),
          suggestClusters(ns),
        ),
      );
      expect(precision ?? 1).toBeGreaterThanOrEqual(0.7);
    }
  });
});

describe('large boards', () => {
  // Past the exact limit, notes are pre-grouped by leaders; copies of one note must still
  // land together and different fixture clusters must not all collapse into one.
  const count = EXACT_CLUSTERING_LIMIT + 300;
  const big = Array.from({ length: count }, (_, i) => ({ ...notes[i % notes.length]!, id: `b${i}` }));

  it(`keeps identical notes together past ${EXACT_CLUSTERING_LIMIT} notes`, () => {
    const suggestions = suggestClusters(big);
    const labels = suggestionLabels(
      big.map((n) => n.id),
      suggestions,
    );
    const labelOfText = new Map<string, string>();
    big.forEach((n, i) => {
      const seen = labelOfText.get(n.text);
      if (seen) expect(labels[i]).toBe(seen);
      else labelOfText.set(n.text, labels[i]!);
    });
    expect(new Set(labels).size).toBeGreaterThan(5);
    expect(
      adjustedRandIndex(
        big.map((n) => n.cluster),
        labels,
      ),
    ).toBeGreaterThan(0.3);
  }, 30_000);

  it('leader groups put near-copies under one leader and cap the number of leaders', () => {
    const { vectors } = noteFeatures(['open data', 'open data', 'budget cuts', 'open data', 'storms'], DEFAULT_FEATURE_WEIGHTS);
    expect(leaderGroups(vectors, 0.9, 10).members).toEqual([[0, 1, 3], [2], [4]]);
    expect(leaderGroups(vectors, 0.9, 2).members).toEqual([[0, 1, 3, 4], [2]]);
  });
});
