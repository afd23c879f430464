import { useCallback, useMemo, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { create } from 'zustand';
import { boardNotes, readSettings } from '@crossboard/model';
import { useWorkshop } from '../shared/workshop-context.ts';
import { useControl } from '../facilitation/control-hooks.ts';

/**
 * Showing only the notes of one theme, on the board and in the outline alike. The choice is
 * this viewer's alone: it filters what they see, never the shared document.
 */
interface ThemeFilterState {
  /** null: every note; '': notes without a theme; else the theme shown. */
  theme: string | null;
  setTheme(theme: string | null): void;
}

export const useThemeFilter = create<ThemeFilterState>((set) => ({
  theme: null,
  setTheme: (theme) => set({ theme }),
}));

export function matchesTheme(filter: string | null, theme: string | null | undefined): boolean {
  if (filter === null) return true;
  return filter === '' ? !theme : theme === filter;
}

/** The select that sets the filter; nothing when the workshop has no themes. */
export function ThemeFilter() {
  const { t } = useTranslation();
  const { control } = useWorkshop();
  const themes = useControl(control, (d) => readSettings(d).themes);
  const theme = useThemeFilter((s) => s.theme);
  const setTheme = useThemeFilter((s) => s.setTheme);
  if (themes.length === 0 && theme === null) return null;
  const value = theme === null ? '*' : theme === '' ? '-' : `=${theme}`;
  return (
    <label className="theme-filter">
      <span>{t('board.themeFilter')}</span>
      <select
        value={value}
        onChange={(e) => setTheme(e.target.value === '*' ? null : e.target.value === '-' ? '' : e.target.value.slice(1))}
      >
        <option value="*">{t('board.themeFilterAll')}</option>
        {themes.map((th) => (
          <option key={th} value={`=${th}`}>
            {th}
          </option>
        ))}
        <option value="-">{t('board.themeFilterNone')}</option>
      </select>
    </label>
  );
}

/**
 * The board's note ids that pass the filter. Re-reads only when a note's theme changes or a
 * note comes or goes, and only while filtering: typing in a note does not re-render the board.
 */
export function useThemeFiltered(board: Y.Doc, ids: string[]): string[] {
  const filter = useThemeFilter((s) => s.theme);
  const version = useRef(0);
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (filter === null) return () => {};
      const notes = boardNotes(board);
      const h = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
        if (!events.some((e) => e.target === notes || (e.path.length === 1 && e.keys.has('theme')))) return;
        version.current++;
        onChange();
      };
      notes.observeDeep(h);
      // A theme set between the render and this subscription fired no handler: count it once.
      version.current++;
      return () => notes.unobserveDeep(h);
    },
    [board, filter],
  );
  const v = useSyncExternalStore(
    subscribe,
    () => version.current,
    () => version.current,
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: `v` counts theme edits on the board, which the notes map does not change identity for.
  return useMemo(() => {
    if (filter === null) return ids;
    const notes = boardNotes(board);
    return ids.filter((id) => matchesTheme(filter, notes.get(id)?.get('theme') as string | null | undefined));
  }, [board, ids, filter, v]);
}
