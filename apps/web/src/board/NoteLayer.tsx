import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type * as Y from 'yjs';
import { boardNotes, type NoteMap } from '@crossboard/model';
import { useWorkshop } from '../shared/workshop-context.ts';
import { useBoardUi } from './board-ui-store.ts';
import { isNoteVisible } from './geometry.ts';
import { NoteCard } from './NoteCard.tsx';
import type { SiblingStep } from './use-note-keys.ts';

interface Props {
  ids: string[];
  themes: string[];
  readOnly: boolean;
  tabStop: string | null;
  focusSibling(from: string, step: SiblingStep): void;
}

/**
 * The notes near the view, and only those: a note far away is not mounted at all (no
 * component, no Yjs observer), so opening a 5,000-note board costs what its screenful costs.
 * The note being edited, asked to take focus, or last focused stays, wherever it is.
 */
export function NoteLayer({ ids, themes, readOnly, tabStop, focusSibling }: Props) {
  const { board } = useWorkshop();
  const notes = boardNotes(board);
  const viewport = useBoardUi((s) => s.viewport);
  const editingId = useBoardUi((s) => s.editingId);
  const focusRequest = useBoardUi((s) => s.focusRequest);
  const activeNoteId = useBoardUi((s) => s.activeNoteId);
  const kept = (id: string) => id === editingId || id === focusRequest || id === activeNoteId;
  const shows = (n: NoteMap) => isNoteVisible(viewport, position(n.get('x')), position(n.get('y')));
  // What the move observer compares against: the notes mounted now, and the rule that picked them.
  const current = useRef<{ near: Set<string>; wants(id: string, n: NoteMap): boolean }>(null);
  const moves = useNoteMoves(notes, current);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `moves` counts position changes inside `notes`, which the map's identity does not show; `kept` and `shows` read the values listed.
  const near = useMemo(
    () =>
      ids.filter((id) => {
        if (kept(id)) return true;
        const n = notes.get(id);
        return !!n && shows(n);
      }),
    [ids, notes, viewport, editingId, focusRequest, activeNoteId, moves],
  );
  // After commit, so a render React throws away leaves the observer's view as it was.
  useLayoutEffect(() => {
    current.current = { near: new Set(near), wants: (id, n) => kept(id) || shows(n) };
  });
  return near.map((id) => (
    <NoteCard key={id} id={id} themes={themes} readOnly={readOnly} tabbable={id === tabStop} focusSibling={focusSibling} />
  ));
}

/** As readNote reads it: a position that is not a finite number is 0. */
function position(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/**
 * Counts the moves that change which notes belong on screen: someone drags a note in from
 * afar or out of view, tidy-up lays the board out again. A note dragged about within the view
 * (every pointer move of a drag) and typing inside a note cost no render here.
 */
function useNoteMoves(
  notes: Y.Map<NoteMap>,
  current: RefObject<{ near: Set<string>; wants(id: string, n: NoteMap): boolean } | null>,
): number {
  const [moves, setMoves] = useState(0);
  useEffect(() => {
    const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      for (const e of events) {
        // A note's own map changed: its event is a map event, with the keys it changed.
        if (e.target.parent !== notes) continue;
        const keys = (e as Y.YMapEvent<unknown>).keysChanged;
        if (!keys.has('x') && !keys.has('y')) continue;
        const id = e.path[0];
        const now = current.current;
        if (!now || typeof id !== 'string' || now.near.has(id) !== now.wants(id, e.target as NoteMap)) {
          setMoves((m) => m + 1);
          return;
        }
      }
    };
    notes.observeDeep(onChange);
    return () => notes.unobserveDeep(onChange);
  }, [notes, current]);
  return moves;
}
