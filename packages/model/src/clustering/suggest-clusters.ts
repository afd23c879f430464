import { averageLinkage } from './average-linkage.ts';
import { DEFAULT_FEATURE_WEIGHTS, noteFeatures, type FeatureWeights } from './features.ts';
import { leaderGroups } from './leader-groups.ts';
import { dot, pairwiseDots, sparseFromMap, sumVectors, type SparseVector } from './sparse-vector.ts';
import { clusterTitle, mainLanguage } from './cluster-title.ts';
import { DEFAULT_TEXT_OPTIONS, noteLanguage, type TextOptions } from './tokenize.ts';

export interface ClusterSuggestion {
  title: string;
  noteIds: string[];
}

export interface SuggestClustersOptions {
  /** Average similarity (0–1) a cluster's notes must keep to stay together. */
  threshold?: number;
  /** Smallest group worth suggesting; notes left alone are not returned. Default 2. */
  minSize?: number;
  weights?: Partial<FeatureWeights>;
  /** Which text normalisations run (all by default); for measuring what each brings. */
  text?: Partial<TextOptions>;
}

/**
 * Chosen with `pnpm bench:cluster` on the fixture and sets 1–2: the lowest cut at which no
 * tuning set's suggestions fall under 0.7 pair precision. Lower cuts group notes around one
 * incidental shared word ("end up", "digital"), which a facilitator then has to undo.
 */
export const DEFAULT_CLUSTER_THRESHOLD = 0.33;
/** Up to this many notes the full similarity matrix is built; beyond, notes are pre-grouped. */
export const EXACT_CLUSTERING_LIMIT = 1_200;
/** How much more alike than the threshold a note must be to join a pre-group's leader. */
const LEADER_MARGIN = 0.5;

/** A label per note: exact average linkage for small boards, leader pre-grouping for large. */
export function clusterLabels(vectors: readonly SparseVector[], threshold: number): Int32Array {
  const n = vectors.length;
  if (n <= EXACT_CLUSTERING_LIMIT) return averageLinkage(pairwiseDots(vectors), n, threshold);
  const leaderThreshold = threshold + (1 - threshold) * LEADER_MARGIN;
  const { groupOf, members } = leaderGroups(vectors, leaderThreshold, EXACT_CLUSTERING_LIMIT);
  const m = members.length;
  // For unit vectors the mean pairwise cosine of two groups is dot(sum A, sum B) / (|A|·|B|),
  // so average linkage over the groups is exact given the grouping.
  const sums = members.map((items) => sumVectors(items.map((i) => vectors[i]!)));
  const sim = pairwiseDots(sums);
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < m; b++) sim[a * m + b] = sim[a * m + b]! / (members[a]!.length * members[b]!.length);
  }
  const groupLabels = averageLinkage(
    sim,
    m,
    threshold,
    members.map((g) => g.length),
  );
  return Int32Array.from(groupOf, (g) => groupLabels[g]!);
}

/** Groups of at least `minSize` notes, largest first, ties by first note. */
function groupsOf(labels: Int32Array, minSize: number): number[][] {
  const groups = new Map<number, number[]>();
  labels.forEach((label, i) => {
    const g = groups.get(label);
    if (g) g.push(i);
    else groups.set(label, [i]);
  });
  return [...groups.values()].filter((g) => g.length >= minSize).sort((a, b) => b.length - a.length || a[0]! - b[0]!);
}

function suggestFromVectors(
  notes: readonly { id: string; text: string }[],
  vectors: readonly SparseVector[],
  threshold: number,
  minSize: number,
): ClusterSuggestion[] {
  const texts = notes.map((n) => n.text);
  const groups = groupsOf(clusterLabels(vectors, threshold), minSize);
  if (groups.length === 0) return [];
  const languages = texts.map(noteLanguage);
  const main = mainLanguage(languages);
  return groups.map((g) => ({
    title: clusterTitle(texts, vectors, g, languages, main),
    noteIds: g.map((i) => notes[i]!.id),
  }));
}

/**
 * Groups notes that say the same thing in shared words (English, Spanish and French, stemmed),
 * for the facilitator to accept or adjust. Precision first: notes without strong lexical
 * evidence are left alone rather than put in a doubtful group. Largest groups first.
 */
export function suggestClusters(notes: readonly { id: string; text: string }[], options: SuggestClustersOptions = {}): ClusterSuggestion[] {
  const weights = { ...DEFAULT_FEATURE_WEIGHTS, ...options.weights };
  const text = { ...DEFAULT_TEXT_OPTIONS, ...options.text };
  const { vectors } = noteFeatures(
    notes.map((n) => n.text),
    weights,
    text,
  );
  return suggestFromVectors(notes, vectors, options.threshold ?? DEFAULT_CLUSTER_THRESHOLD, options.minSize ?? 2);
}

/** How many standard deviations above the board's mean similarity a group must stay. */
export const EMBEDDING_SPREAD_CUT = 2;
/** Never group below this cosine, whatever the board's spread. */
export const MIN_EMBEDDING_THRESHOLD = 0.5;

/**
 * Unit vectors of an operator's embeddings, and the cut for this board. Models differ in how
 * alike unrelated texts look (mean cosine 0.2 for some, 0.6 for others), so the cut is set
 * from the board's own spread of pair similarities rather than one number for every model.
 */
export function embeddingVectors(embeddings: readonly (readonly number[])[]): { vectors: SparseVector[]; threshold: number } {
  const vectors = embeddings.map((e) => {
    const len = Math.sqrt(e.reduce((s, x) => s + x * x, 0));
    const m = new Map<number, number>();
    if (len > 0) e.forEach((x, i) => m.set(i, x / len));
    return sparseFromMap(m);
  });
  const n = vectors.length;
  // A sample of pairs is enough to know the spread; all of them for small boards.
  const step = Math.max(1, Math.floor(n / 200));
  let count = 0;
  let sum = 0;
  let sumSq = 0;
  for (let a = 0; a < n; a += step) {
    for (let b = a + 1; b < n; b += step) {
      const s = dot(vectors[a]!, vectors[b]!);
      count++;
      sum += s;
      sumSq += s * s;
    }
  }
  const mean = count ? sum / count : 0;
  const sd = count ? Math.sqrt(Math.max(0, sumSq / count - mean * mean)) : 0;
  return { vectors, threshold: Math.min(0.99, Math.max(MIN_EMBEDDING_THRESHOLD, mean + EMBEDDING_SPREAD_CUT * sd)) };
}

/**
 * The same precision-first grouping on an operator's embeddings (one vector per note, in
 * order): cosine similarity instead of shared words, titles from the most central note.
 */
export function suggestClustersFromEmbeddings(
  notes: readonly { id: string; text: string }[],
  embeddings: readonly (readonly number[])[],
  options: { threshold?: number; minSize?: number } = {},
): ClusterSuggestion[] {
  if (embeddings.length !== notes.length) {
    throw new RangeError(`${embeddings.length} embeddings for ${notes.length} notes`);
  }
  const { vectors, threshold } = embeddingVectors(embeddings);
  return suggestFromVectors(notes, vectors, options.threshold ?? threshold, options.minSize ?? 2);
}

/** Labels every note (alone ones get their own label), to compare with a reference. */
export function suggestionLabels(noteIds: readonly string[], suggestions: readonly ClusterSuggestion[]): string[] {
  const labelOf = new Map<string, string>();
  suggestions.forEach((s, i) => s.noteIds.forEach((id) => labelOf.set(id, `s${i}`)));
  return noteIds.map((id) => labelOf.get(id) ?? `alone:${id}`);
}

/** Notes no suggestion includes: what the facilitator is told was left alone. */
export function notesLeftAlone(noteCount: number, suggestions: readonly ClusterSuggestion[]): number {
  return noteCount - suggestions.reduce((sum, s) => sum + s.noteIds.length, 0);
}
