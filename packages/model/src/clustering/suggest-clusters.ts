import { MAX_TITLE_LENGTH } from '../limits.ts';
import { averageLinkage } from './average-linkage.ts';
import { DEFAULT_FEATURE_WEIGHTS, noteFeatures, type FeatureWeights, type NoteFeatures } from './features.ts';
import { leaderGroups } from './leader-groups.ts';
import { pairwiseDots, sumVectors, type SparseVector } from './sparse-vector.ts';

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
  /** An operator's embedding model, one vector per text; blended with the lexical features. */
  embed?: (texts: string[]) => number[][];
  /** Words in a suggested title. */
  titleTerms?: number;
}

/** Tuned on the pain-points phase of the cross-border workshop fixture (see packages/bench). */
export const DEFAULT_CLUSTER_THRESHOLD = 0.13;
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
  const groupLabels = averageLinkage(sim, m, threshold, members.map((g) => g.length));
  return Int32Array.from(groupOf, (g) => groupLabels[g]!);
}

function clusterTitle(features: NoteFeatures, notes: readonly number[], terms: number): string {
  const weightOfStem = new Map<string, number>();
  for (const i of notes) {
    const v = features.vectors[i]!;
    for (let k = 0; k < v.indices.length; k++) {
      const stem = features.stemOfFeature.get(v.indices[k]!);
      if (stem !== undefined) weightOfStem.set(stem, (weightOfStem.get(stem) ?? 0) + v.values[k]!);
    }
  }
  const surfaces = new Map<string, Map<string, number>>();
  for (const i of notes) {
    for (const t of features.tokens[i]!) {
      const m = surfaces.get(t.stem) ?? new Map<string, number>();
      m.set(t.surface, (m.get(t.surface) ?? 0) + 1);
      surfaces.set(t.stem, m);
    }
  }
  const commonest = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
  const top = [...weightOfStem]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, terms)
    .map(([stem]) => commonest(surfaces.get(stem)!));
  const title = top.join(', ');
  return (title.charAt(0).toUpperCase() + title.slice(1)).slice(0, MAX_TITLE_LENGTH);
}

/**
 * Groups notes that say similar things, in English, Spanish and French, for the facilitator
 * to accept or adjust. Largest groups first.
 */
export function suggestClusters(notes: readonly { id: string; text: string }[], options: SuggestClustersOptions = {}): ClusterSuggestion[] {
  const threshold = options.threshold ?? DEFAULT_CLUSTER_THRESHOLD;
  const minSize = options.minSize ?? 2;
  const weights = { ...DEFAULT_FEATURE_WEIGHTS, ...options.weights };
  const texts = notes.map((n) => n.text);
  const embeddings = options.embed?.(texts);
  if (embeddings && embeddings.length !== texts.length) {
    throw new RangeError(`embed returned ${embeddings.length} vectors for ${texts.length} notes`);
  }
  const features = noteFeatures(texts, weights, embeddings);
  const labels = clusterLabels(features.vectors, threshold);

  const groups = new Map<number, number[]>();
  labels.forEach((label, i) => {
    const g = groups.get(label);
    if (g) g.push(i);
    else groups.set(label, [i]);
  });
  return [...groups.values()]
    .filter((g) => g.length >= minSize)
    .sort((a, b) => b.length - a.length || a[0]! - b[0]!)
    .map((g) => ({ title: clusterTitle(features, g, options.titleTerms ?? 3), noteIds: g.map((i) => notes[i]!.id) }));
}

/** Labels every note (alone ones get their own label), to compare with a reference. */
export function suggestionLabels(noteIds: readonly string[], suggestions: readonly ClusterSuggestion[]): string[] {
  const labelOf = new Map<string, string>();
  suggestions.forEach((s, i) => s.noteIds.forEach((id) => labelOf.set(id, `s${i}`)));
  return noteIds.map((id) => labelOf.get(id) ?? `alone:${id}`);
}
