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

export function stem(word: string, language: ClusteringLanguage): string {
  return STEMMERS[language](word);
}
