import { noteFeatures } from './features.ts';
import { dot } from './sparse-vector.ts';
import { tokenize } from './tokenize.ts';

export interface ThemeSuggestion {
  noteId: string;
  theme: string;
  /** Similarity of the note to the theme's name and its tagged notes, 0–1. */
  score: number;
}

/** How alike a note and a theme must be before the theme is offered: a wrong tag costs a click. */
export const THEME_SUGGESTION_THRESHOLD = 0.2;
/**
 * A word used in at least this share of the board's notes (and in at least
 * `BOARD_WIDE_MIN_NOTES` of them) is what the whole workshop is about, not one theme:
 * "cross-border" in a cross-border workshop would otherwise pull every note towards
 * "Responding to cross-border threats and risks".
 */
export const BOARD_WIDE_SHARE = 0.15;
export const BOARD_WIDE_MIN_NOTES = 3;

const stemsOf = (text: string) => new Set(tokenize(text).map((t) => t.stem));

/**
 * Stems that cannot tell one theme from another: those of the workshop's own subject (its
 * title and purpose describe every note) and those used across much of the board.
 */
export function boardWideStems(texts: readonly string[], subject = ''): Set<string> {
  const notesWith = new Map<string, number>();
  for (const text of texts) for (const stem of stemsOf(text)) notesWith.set(stem, (notesWith.get(stem) ?? 0) + 1);
  const cut = Math.max(BOARD_WIDE_MIN_NOTES, texts.length * BOARD_WIDE_SHARE);
  return new Set([...stemsOf(subject), ...[...notesWith].filter(([, n]) => n >= cut).map(([stem]) => stem)]);
}

export interface SuggestThemesOptions {
  threshold?: number;
  /** The workshop's title and purpose: words every note is about, so no evidence for a theme. */
  subject?: string;
}

/**
 * A theme from the workshop's list for each untagged note that clearly matches one, by the
 * words it shares with the theme's name and with notes already tagged with it. A suggestion
 * only: the author or facilitator accepts it. Notes with no clear theme get none.
 */
export function suggestThemes(
  notes: readonly { id: string; text: string; theme: string | null }[],
  themes: readonly string[],
  options: SuggestThemesOptions = {},
): ThemeSuggestion[] {
  if (themes.length === 0) return [];
  const threshold = options.threshold ?? THEME_SUGGESTION_THRESHOLD;
  // Each theme is described by its name plus the notes people already tagged with it.
  const described = themes.map((theme) => [theme, ...notes.filter((n) => n.theme === theme).map((n) => n.text)].join('\n'));
  const untagged = notes.filter((n) => !n.theme);
  const ignored = boardWideStems(
    notes.map((n) => n.text),
    options.subject,
  );
  const { vectors } = noteFeatures([...described, ...untagged.map((n) => n.text)], undefined, undefined, ignored);
  const out: ThemeSuggestion[] = [];
  untagged.forEach((note, i) => {
    const v = vectors[themes.length + i]!;
    let best = -1;
    let bestScore = 0;
    themes.forEach((_, t) => {
      const s = dot(v, vectors[t]!);
      if (s > bestScore + 1e-9) [best, bestScore] = [t, s];
    });
    if (best >= 0 && bestScore >= threshold) out.push({ noteId: note.id, theme: themes[best]!, score: bestScore });
  });
  return out;
}
