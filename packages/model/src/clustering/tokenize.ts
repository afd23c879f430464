import { STOP_WORDS, STOP_WORDS_BY_LANGUAGE, type ClusteringLanguage } from './stop-words.ts';
import { stem } from './stem.ts';

export interface Token {
  /** Lowercase, accent-stripped word as written (for n-grams and titles). */
  word: string;
  /** Its light stem in the note's language. */
  stem: string;
  /** The word as the participant wrote it, lowercased, for cluster titles. */
  surface: string;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Words of a text, split where Intl.Segmenter says; elisions (l', qu', d') dropped. */
export function segmentWords(text: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(text)) {
    if (!s.isWordLike) continue;
    // ICU keeps French elisions in one word ("qu'on"); the meaning is after the apostrophe.
    const parts = s.segment.split(/['’]/);
    const last = parts[parts.length - 1]!;
    if (last && !/^\d+$/.test(last)) out.push(last.toLowerCase());
  }
  return out;
}

/** The language whose function words the text uses most; English when it cannot tell. */
export function guessLanguage(folded: readonly string[]): ClusteringLanguage {
  let best: ClusteringLanguage = 'en';
  let bestHits = 0;
  for (const lang of ['en', 'es', 'fr'] as const) {
    let hits = 0;
    for (const w of folded) if (STOP_WORDS_BY_LANGUAGE[lang].has(w)) hits++;
    if (hits > bestHits) [best, bestHits] = [lang, hits];
  }
  return best;
}

export function tokenize(text: string): Token[] {
  const surfaces = segmentWords(text);
  const folded = surfaces.map(foldAccents);
  const language = guessLanguage(folded);
  const out: Token[] = [];
  folded.forEach((word, i) => {
    if (word.length < 2 || STOP_WORDS.has(word)) return;
    out.push({ word, stem: stem(word, language), surface: surfaces[i]! });
  });
  return out;
}

/** Character n-grams of one word with boundary marks, so prefixes and suffixes count. */
export function charNgrams(word: string, min = 3, max = 5): string[] {
  const marked = `_${word}_`;
  const out: string[] = [];
  for (let n = min; n <= max; n++) {
    for (let i = 0; i + n <= marked.length; i++) out.push(marked.slice(i, i + n));
  }
  return out;
}
