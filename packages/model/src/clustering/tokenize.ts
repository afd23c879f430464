import { STOP_WORDS, STOP_WORDS_BY_LANGUAGE, type ClusteringLanguage } from './stop-words.ts';
import { stem } from './stem.ts';

export interface Token {
  /** Lowercase, accent-stripped word as written (for n-grams and titles). */
  word: string;
  /** Its Snowball stem in the note's language, accent-stripped (or the word, unstemmed). */
  stem: string;
  /** The word as the participant wrote it, lowercased, for cluster titles. */
  surface: string;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

export function foldAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
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

const LANGUAGES = ['en', 'es', 'fr'] as const;
/**
 * Letters only one of the three languages writes (and "é", far commoner in French than in
 * Spanish, at half weight): a short note often has no other clue.
 */
const LETTERS: Record<ClusteringLanguage, RegExp> = { en: /(?!)/, es: /[ñ¿¡áíóú]/, fr: /[èêàçœâîûëùô]/ };
const FRENCH_E = /é/;

/**
 * The language whose function words (and letters, when the words are lowercase as written)
 * the text uses most; English when it cannot tell. A word that two languages share ("de",
 * "les") counts half for each.
 */
export function guessLanguage(folded: readonly string[], written: readonly string[] = []): ClusteringLanguage {
  let best: ClusteringLanguage = 'en';
  let bestScore = 0;
  for (const lang of LANGUAGES) {
    let score = 0;
    for (const w of folded) {
      if (!STOP_WORDS_BY_LANGUAGE[lang].has(w)) continue;
      const shared = LANGUAGES.some((other) => other !== lang && STOP_WORDS_BY_LANGUAGE[other].has(w));
      score += shared ? 0.5 : 1;
    }
    for (const w of written) {
      if (LETTERS[lang].test(w)) score += 1;
      else if (lang === 'fr' && FRENCH_E.test(w)) score += 0.5;
    }
    if (score > bestScore) [best, bestScore] = [lang, score];
  }
  return best;
}

/** Which text normalisations run; all on by default (off only to measure what each brings). */
export interface TextOptions {
  /** Snowball stemming in the note's guessed language. */
  stemming: boolean;
  /** Accents and British/American spellings folded to one form. */
  folding: boolean;
}

export const DEFAULT_TEXT_OPTIONS: TextOptions = { stemming: true, folding: true };

/** British -ise/-isation spellings as American, so "digitise" and "digitize" meet. */
export function foldSpelling(word: string): string {
  return word.replace(/(\w{3})is(e|es|ed|ing|ation|ations)$/, '$1iz$2');
}

export function tokenize(text: string, options: TextOptions = DEFAULT_TEXT_OPTIONS): Token[] {
  const surfaces = segmentWords(text);
  const folded = surfaces.map(foldAccents);
  const language = guessLanguage(folded, surfaces);
  const out: Token[] = [];
  folded.forEach((word, i) => {
    if (word.length < 2 || STOP_WORDS.has(word)) return;
    const surface = surfaces[i]!;
    // Stemmed after folding: people type "donnees" as often as "données", and both must meet.
    const written = options.folding ? (language === 'en' ? foldSpelling(word) : word) : surface;
    out.push({ word: options.folding ? word : surface, stem: options.stemming ? stem(written, language) : written, surface });
  });
  return out;
}

/** The language of a note as the tokenizer sees it. */
export function noteLanguage(text: string): ClusteringLanguage {
  const surfaces = segmentWords(text);
  return guessLanguage(surfaces.map(foldAccents), surfaces);
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
