import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as frenchStemmer } from '@orama/stemmers/french';
import { stemmer as spanishStemmer } from '@orama/stemmers/spanish';
import type { ClusteringLanguage } from './stop-words.ts';

/**
 * Snowball stemmers (the published algorithms, via @orama/stemmers, Apache-2.0) for
 * lowercase, accent-folded words.
 */
const STEMMERS: Record<ClusteringLanguage, (word: string) => string> = {
  en: englishStemmer,
  es: spanishStemmer,
  fr: frenchStemmer,
};

/**
 * Stems already worked out, per language. A board repeats its words many times and the
 * Snowball rules were most of the time spent on 5,000 notes; emptied when it grows past
 * `STEM_CACHE_LIMIT` so a long-running server does not keep every word it ever saw.
 */
export const STEM_CACHE_LIMIT = 50_000;
const cache: Record<ClusteringLanguage, Map<string, string>> = { en: new Map(), es: new Map(), fr: new Map() };

export function stem(word: string, language: ClusteringLanguage): string {
  const known = cache[language];
  let s = known.get(word);
  if (s === undefined) {
    if (known.size >= STEM_CACHE_LIMIT) known.clear();
    s = STEMMERS[language](word);
    known.set(word, s);
  }
  return s;
}
