import { noteFeatures } from './features.ts';
import { dot } from './sparse-vector.ts';

export interface ThemeSuggestion {
  noteId: string;
  theme: string;
  /** Similarity of the note to the theme's name and its tagged notes, 0–1. */
  score: number;
}

/** How alike a note and a theme must be before the theme is offered: a wrong tag costs a click. */
export const THEME_SUGGESTION_THRESHOLD = 0.2;

/**
 * A theme from the workshop's list for each untagged note that clearly matches one, by the
 * words it shares with the theme's name and with notes already tagged with it. A suggestion
 * only: the author or facilitator accepts it. Notes with no clear theme get none.
 */
export function suggestThemes(
  notes: readonly { id: string; text: string; theme: string | null }[],
  themes: readonly string[],
  threshold = THEME_SUGGESTION_THRESHOLD,
): ThemeSuggestion[] {
  if (themes.length === 0) return [];
  // Each theme is described by its name plus the notes people already tagged with it.
  const described = themes.map((theme) => [theme, ...notes.filter((n) => n.theme === theme).map((n) => n.text)].join('\n'));
  const untagged = notes.filter((n) => !n.theme);
  const { vectors } = noteFeatures([...described, ...untagged.map((n) => n.text)]);
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
