import type { ClusteringLanguage } from './stop-words.ts';

/**
 * Light stemmers (plurals and the commonest inflections only) for accent-stripped,
 * lowercase words. Aggressive stemming conflates too much in short notes; the character
 * n-grams already catch what a light stemmer leaves apart.
 */
const MIN_STEM = 3;

function strip(word: string, suffix: string, replacement = ''): string | null {
  if (!word.endsWith(suffix) || word.length - suffix.length < MIN_STEM) return null;
  return word.slice(0, word.length - suffix.length) + replacement;
}

function stemEnglish(w: string): string {
  let s = strip(w, 'ies', 'y') ?? strip(w, 'sses', 'ss') ?? w;
  if (s === w && w.endsWith('s') && !/(ss|us|is)$/.test(w)) s = strip(w, 's') ?? w;
  const ing = strip(s, 'ing') ?? strip(s, 'ed');
  if (ing && ing.length >= 4) s = /([bdfgmnprt])\1$/.test(ing) ? ing.slice(0, -1) : ing;
  s = (s.length > 6 && strip(s, 'ly')) || s;
  return s;
}

function stemSpanish(w: string): string {
  let s = w;
  s = strip(s, 'mente') ?? s;
  if (/[^aeiou]es$/.test(s)) s = strip(s, 'es') ?? s;
  else if (s.endsWith('s')) s = strip(s, 's') ?? s;
  if (/[aeo]$/.test(s) && s.length > 4) s = s.slice(0, -1);
  return s;
}

function stemFrench(w: string): string {
  let s = w;
  if (/[sx]$/.test(s)) s = strip(s, s.at(-1)!) ?? s;
  s = strip(s, 'ement') ?? s;
  if (s.endsWith('e') && s.length > 4) s = s.slice(0, -1);
  if (s.endsWith('e') && s.length > 4) s = s.slice(0, -1);
  return s;
}

export function stem(word: string, language: ClusteringLanguage): string {
  switch (language) {
    case 'en':
      return stemEnglish(word);
    case 'es':
      return stemSpanish(word);
    case 'fr':
      return stemFrench(word);
  }
}
