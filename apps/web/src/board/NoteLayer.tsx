import { useEffect, useMemo, useState } from 'react';
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
  const moves = useNoteMoves(notes);
  const viewport = useBoardUi((s) => s.viewport);
  const editingId = useBoardUi((s) => s.editingId);
  const focusRequest = useBoardUi((s) => s.focusRequest);
  const activeNoteId = useBoardUi((s) => s.activeNoteId);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `moves` counts position changes inside `notes`, which the map's identity does not show.
  const near = useMemo(
    () =>
      ids.filter((id) => {
        if (id === editingId || id === focusRequest || id === activeNoteId) return true;
        const n = notes.get(id);
        return !!n && isNoteVisible(viewport, position(n.get('x')), position(n.get('y')));
      }),
    [ids, notes, viewport, editingId, focusRequest, activeNoteId, moves],
  );
  return near.map((id) => (
    <NoteCard key={id} id={id} themes={themes} readOnly={readOnly} tabbable={id === tabStop} focusSibling={focusSibling} />
  ));
}

/** As readNote reads it: a position that is not a finite number is 0. */
function position(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/**
 * Counts moves of any note (someone drags one in from afar, tidy-up lays the board out again).
 * Typing inside a note changes no position and is skipped without a render.
 */
function useNoteMoves(notes: Y.Map<NoteMap>): number {
  const [moves, setMoves] = useState(0);
  useEffect(() => {
    const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      for (const e of events) {
        // A note's own map changed: its event is a map event, with the keys it changed.
        if (e.target.parent !== notes) continue;
        const keys = (e as Y.YMapEvent<unknown>).keysChanged;
        if (keys.has('x') || keys.has('y')) {
          setMoves((m) => m + 1);
          return;
        }
      }
    };
    notes.observeDeep(onChange);
    return () => notes.unobserveDeep(onChange);
  }, [notes]);
  return moves;
}
