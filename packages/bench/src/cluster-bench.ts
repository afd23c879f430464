/**
 * `pnpm bench:cluster`: how far a facilitator can trust the offline cluster suggestions.
 * Per labelled set: adjusted Rand index and pair precision against the reference clusters,
 * suggested vs reference clusters, notes left alone; then what each text normalisation
 * brings, and the time to suggest for 5,000 notes.
 * The threshold was chosen on the fixture and sets 1–2; set 3 is held out.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  adjustedRandIndex,
  DEFAULT_CLUSTER_THRESHOLD,
  noteFeatures,
  pairwiseDots,
  notesLeftAlone,
  pairPrecision,
  PHASES,
  suggestClusters,
  suggestionLabels,
  type SuggestClustersOptions,
} from '@crossboard/model';
import { syntheticNotes, type LabelledNote } from './synthetic-notes.ts';

const fixtures = new URL('../../model/test/fixtures/', import.meta.url).pathname;
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const withIds = (ns: readonly Omit<LabelledNote, 'id'>[], prefix = 'n') => ns.map((n, i) => ({ ...n, id: `${prefix}${i}` }));

interface LabelledSet {
  name: string;
  role: 'tuning' | 'held out';
  /** Clustered separately (a board's phases), scored together. */
  boards: LabelledNote[][];
}
const fixture = readJson<{ notes: (LabelledNote & { phase: string })[] }>(`${fixtures}cross-border-workshop.json`);
const sets: LabelledSet[] = [
  {
    name: 'fixture: cross-border workshop',
    role: 'tuning',
    boards: PHASES.map((p) =>
      withIds(
        fixture.notes.filter((n) => n.phase === p),
        p,
      ),
    ),
  },
  ...[1, 2, 3].map((k) => {
    const set = readJson<{ name: string; notes: LabelledNote[] }>(`${fixtures}clustering/set-${k}.json`);
    return { name: `set ${k}: ${set.name}`, role: k === 3 ? 'held out' : 'tuning', boards: [withIds(set.notes)] } as LabelledSet;
  }),
];

interface Score {
  ari: number;
  precision: number | null;
  suggested: number;
  gold: number;
  notes: number;
  leftAlone: number;
}
function score(set: LabelledSet, options: SuggestClustersOptions): Score {
  const gold: string[] = [];
  const labels: string[] = [];
  let suggested = 0;
  let leftAlone = 0;
  set.boards.forEach((board, b) => {
    const suggestions = suggestClusters(board, options);
    suggested += suggestions.length;
    leftAlone += notesLeftAlone(board.length, suggestions);
    gold.push(...board.map((n) => `${b}:${n.cluster}`));
    labels.push(
      ...suggestionLabels(
        board.map((n) => n.id),
        suggestions,
      ).map((l) => `${b}:${l}`),
    );
  });
  return {
    ari: adjustedRandIndex(gold, labels),
    precision: pairPrecision(gold, labels),
    suggested,
    gold: new Set(gold).size,
    notes: gold.length,
    leftAlone,
  };
}

const f2 = (x: number | null) => (x === null ? 'none suggested' : x.toFixed(2));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

console.log(`\nOffline suggestions, default options (threshold ${DEFAULT_CLUSTER_THRESHOLD})\n`);
console.log('| set | role | ARI | pair precision | suggested vs gold clusters | notes left alone |');
console.log('|---|---|---:|---:|---:|---:|');
const defaults = sets.map((s) => score(s, {}));
sets.forEach((s, i) => {
  const r = defaults[i]!;
  console.log(
    `| ${s.name} | ${s.role} | ${r.ari.toFixed(2)} | ${f2(r.precision)} | ${r.suggested} vs ${r.gold} | ${r.leftAlone} of ${r.notes} |`,
  );
});
console.log(`| mean | | ${mean(defaults.map((r) => r.ari)).toFixed(2)} | | | |`);

// At the default cut nothing on these sets is close enough to group, so each ingredient is
// also switched off at a permissive cut, where it changes what gets grouped.
const PERMISSIVE = 0.1;
const variants: [string, SuggestClustersOptions][] = [
  ['all on (default threshold)', {}],
  ['threshold 0.20', { threshold: 0.2 }],
  [`all on, threshold ${PERMISSIVE}`, { threshold: PERMISSIVE }],
  [`without Snowball stemming, ${PERMISSIVE}`, { threshold: PERMISSIVE, text: { stemming: false } }],
  [`without accent/spelling folding, ${PERMISSIVE}`, { threshold: PERMISSIVE, text: { folding: false } }],
  [`without character n-grams, ${PERMISSIVE}`, { threshold: PERMISSIVE, weights: { ngrams: 0 } }],
  [
    `words only (no n-grams, stemming, folding), ${PERMISSIVE}`,
    { threshold: PERMISSIVE, weights: { ngrams: 0 }, text: { stemming: false, folding: false } },
  ],
];
console.log('\nWhat each ingredient brings: ARI / pair precision / suggested clusters / left alone, per set\n');
console.log(`| variant | ${sets.map((s) => s.name.split(':')[0]).join(' | ')} | mean ARI |`);
console.log(`|---|${sets.map(() => '---:|').join('')}---:|`);
for (const [name, options] of variants) {
  const rs = sets.map((s) => score(s, options));
  const cells = rs.map(
    (r) => `${r.ari.toFixed(2)} / ${r.precision === null ? '–' : r.precision.toFixed(2)} / ${r.suggested} / ${r.leftAlone}`,
  );
  console.log(`| ${name} | ${cells.join(' | ')} | ${mean(rs.map((r) => r.ari)).toFixed(2)} |`);
}

// Why no cut reaches 0.7 pair precision on sets 1–3: even the pairs of notes the lexical
// similarity is surest of are mostly pairs the reference keeps apart. Whatever grouping runs
// on top of this similarity, its first pairs are these.
const TOP_KS = [1, 3, 5, 10];
console.log(
  '\nThe most similar pairs: of the k pairs with the highest lexical similarity per board, the share the reference puts together\n',
);
console.log(`| set | ${TOP_KS.map((k) => `top ${k}`).join(' | ')} | share of all pairs together (chance) |`);
console.log(`|---|${TOP_KS.map(() => '---:|').join('')}---:|`);
for (const set of sets) {
  const right = TOP_KS.map(() => 0);
  const counted = TOP_KS.map(() => 0);
  let together = 0;
  let pairs = 0;
  for (const board of set.boards) {
    const n = board.length;
    const sim = pairwiseDots(noteFeatures(board.map((x) => x.text)).vectors);
    const ranked: { s: number; same: boolean }[] = [];
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        const same = board[a]!.cluster === board[b]!.cluster;
        ranked.push({ s: sim[a * n + b]!, same });
        pairs++;
        if (same) together++;
      }
    }
    ranked.sort((x, y) => y.s - x.s);
    TOP_KS.forEach((k, i) => {
      const top = ranked.slice(0, k);
      right[i]! += top.filter((p) => p.same).length;
      counted[i]! += top.length;
    });
  }
  const cells = TOP_KS.map((_, i) => `${right[i]}/${counted[i]}`);
  console.log(`| ${set.name} | ${cells.join(' | ')} | ${(together / pairs).toFixed(2)} |`);
}

/**
 * Median wall-clock and CPU milliseconds. On a machine shared with other work the wall clock
 * also counts time the process waited for a core; the CPU time (user + system of this
 * single-threaded run) is what the suggestion itself costs.
 */
function medianMs(run: () => unknown, runs = 3): { wall: number; cpu: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    run();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { wall: median(wall), cpu: median(cpu) };
}
const source = sets.flatMap((s) => s.boards.flat());
console.log('\nSpeed on synthetic boards (labelled notes sampled and perturbed, seed 42; median of 3 runs)\n');
console.log('| notes | suggestClusters ms (wall) | CPU ms | aim (wall) | clusters | pair precision vs source clusters |');
console.log('|---:|---:|---:|---|---:|---:|');
suggestClusters(syntheticNotes(source, 300, 1)); // warm up the JIT before timing
for (const count of [1_000, 5_000]) {
  const synthetic = syntheticNotes(source, count, 42);
  const { wall: ms, cpu } = medianMs(() => suggestClusters(synthetic));
  const suggestions = suggestClusters(synthetic);
  const precision = pairPrecision(
    synthetic.map((n) => n.cluster),
    suggestionLabels(
      synthetic.map((n) => n.id),
      suggestions,
    ),
  );
  const aim = count === 5_000 ? (ms <= 1_000 ? '≤ 1 s: met' : '≤ 1 s: NOT met') : '';
  console.log(`| ${count} | ${ms.toFixed(0)} | ${cpu.toFixed(0)} | ${aim} | ${suggestions.length} | ${f2(precision)} |`);
}
