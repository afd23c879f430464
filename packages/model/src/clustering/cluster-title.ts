import { MAX_TITLE_LENGTH } from '../limits.ts';
import { dot, sumVectors, type SparseVector } from './sparse-vector.ts';
import type { ClusteringLanguage } from './stop-words.ts';

/** Words kept from the central note: a frame title is read at a glance. */
export const MAX_TITLE_WORDS = 7;

/** The language most notes are written in (English on a tie or an empty board). */
export function mainLanguage(languages: readonly ClusteringLanguage[]): ClusteringLanguage {
  const count = new Map<ClusteringLanguage, number>();
  for (const l of languages) count.set(l, (count.get(l) ?? 0) + 1);
  let best: ClusteringLanguage = 'en';
  for (const [l, c] of count) if (c > (count.get(best) ?? 0)) best = l;
  return best;
}

/** The first clause of a note, at most `MAX_TITLE_WORDS` words, capitalised. */
export function titlePhrase(text: string): string {
  const clause =
    text
      .trim()
      .split(/\s*(?:[.;:\n(]|\s[–—-]\s|,\s)/u)[0]!
      .trim() || text.trim();
  const words = clause.split(/\s+/).filter(Boolean);
  let phrase = words.slice(0, MAX_TITLE_WORDS).join(' ');
  if (words.length > MAX_TITLE_WORDS) phrase += '…';
  return (phrase.charAt(0).toUpperCase() + phrase.slice(1)).slice(0, MAX_TITLE_LENGTH);
}

/**
 * A title a facilitator would write: a short phrase from the group's most central note (the
 * one most like the group as a whole), preferring notes in the board's main language so a
 * mostly English board gets English titles.
 */
export function clusterTitle(
  texts: readonly string[],
  vectors: readonly SparseVector[],
  members: readonly number[],
  languages: readonly ClusteringLanguage[],
  main: ClusteringLanguage,
): string {
  const centroid = sumVectors(members.map((i) => vectors[i]!));
  const inMain = members.filter((i) => languages[i] === main);
  const candidates = inMain.length > 0 ? inMain : members;
  let best = candidates[0]!;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const i of candidates) {
    const score = dot(vectors[i]!, centroid);
    if (score > bestScore + 1e-12) [best, bestScore] = [i, score];
  }
  return titlePhrase(texts[best]!);
}
