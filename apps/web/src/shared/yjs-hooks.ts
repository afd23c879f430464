import type * as Y from 'yjs';
import {
  controlSettings,
  controlState,
  currentPhase,
  isPhaseLocked,
  noteContent,
  plainText,
  readNote,
  readSettings,
  type NoteMap,
  type NoteView,
  type Phase,
  type WorkshopSettings,
} from '@crossboard/model';
import { useYValue } from './use-y-value.ts';

/**
 * Narrow subscriptions to Yjs types. Each hook observes one type shallowly, so typing in a
 * note (a change deep inside its XmlFragment) re-renders that note's text and nothing else.
 */

/** The keys of a map: re-renders when a key is added or removed, not when a value changes inside. */
export function useMapKeys<T>(map: Y.Map<T>): string[] {
  return useYValue(map, () => Array.from(map.keys()));
}

export function useNoteView(note: NoteMap | undefined): NoteView | null {
  return useYValue(note ?? null, () => (note ? readNote(note) : null));
}

export function useNoteText(note: NoteMap): string {
  const content = noteContent(note);
  return useYValue(content, () => plainText(content), true);
}

export function useCurrentPhase(control: Y.Doc): Phase {
  return useYValue(controlState(control), () => currentPhase(control));
}

export function usePhaseLocked(control: Y.Doc, phase: Phase): boolean {
  return useYValue(controlState(control), () => isPhaseLocked(control, phase));
}

export function useSettings(control: Y.Doc): WorkshopSettings {
  return useYValue(controlSettings(control), () => readSettings(control));
}

/** One entry of a map; re-renders only when that entry is replaced or removed. */
export function useMapEntry<T>(map: Y.Map<T>, key: string): T | undefined {
  return useYValue(map, () => map.get(key));
}

/** Ids of one phase's notes. A note's phase never changes, so only added/removed keys matter. */
export function usePhaseNoteIds(notes: Y.Map<NoteMap>, phase: Phase): string[] {
  return useYValue(notes, () => {
    const ids: string[] = [];
    for (const [id, m] of notes) if (m.get('phase') === phase) ids.push(id);
    return ids;
  });
}
