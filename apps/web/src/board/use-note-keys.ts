import type { KeyboardEvent } from 'react';
import { useWorkshop } from '../shared/workshop-context.ts';
import { useBoardUi } from './board-ui-store.ts';
import { KEY_STEP, KEY_STEP_LARGE } from './geometry.ts';
import { moveNoteBy } from './note-actions.ts';

export type SiblingStep = 1 | -1 | 'first' | 'last';

/** Plain arrows, Home and End go between notes in reading order (roving focus). */
const STEPS: Record<string, SiblingStep> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: 'first', End: 'last' };

/** Alt+arrows move the note itself; with Shift by the larger step. */
const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

interface Options {
  readOnly: boolean;
  /** Moves focus to the next (+1) or previous (-1) note in reading order, or the first/last. */
  focusSibling?(from: string, step: SiblingStep): void;
  remove(): void;
}

/**
 * The keys of a focused note (not of its tools or editor, which handle their own): arrows to
 * the next note, Alt+arrows to move it, Enter to edit, Delete or Backspace to delete. Keys
 * typed before the lazy editor arrives wait in key-buffer.ts (startEditing starts that).
 */
export function useNoteKeys(id: string, { readOnly, focusSibling, remove }: Options) {
  const { board } = useWorkshop();
  return (e: KeyboardEvent<HTMLElement>) => {
    if (e.target !== e.currentTarget) return;
    const step = !e.altKey ? STEPS[e.key] : undefined;
    if (step !== undefined) {
      e.preventDefault();
      focusSibling?.(id, step);
      return;
    }
    if (readOnly) return;
    const dir = e.altKey ? ARROWS[e.key] : undefined;
    if (dir) {
      e.preventDefault();
      const by = e.shiftKey ? KEY_STEP_LARGE : KEY_STEP;
      moveNoteBy(board, id, dir[0] * by, dir[1] * by);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      useBoardUi.getState().startEditing(id);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      remove();
    }
  };
}
