import { useCallback, useRef, useSyncExternalStore } from 'react';
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

/**
 * Narrow subscriptions to Yjs types. Each hook observes one type shallowly, so typing in a
 * note (a change deep inside its XmlFragment) re-renders that note's text and nothing else.
 */
function useObserved<T>(type: Y.AbstractType<any> | null, read: () => T, deep = false): T {
  const cache = useRef<{ version: number; value: T } | null>(null);
  const version = useRef(0);
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!type) return () => {};
      const handler = () => {
        version.current++;
        onChange();
      };
      if (deep) type.observeDeep(handler);
      else type.observe(handler);
      return () => (deep ? type.unobserveDeep(handler) : type.unobserve(handler));
    },
    [type, deep],
  );
  const getSnapshot = () => {
    if (!cache.current || cache.current.version !== version.current) {
      cache.current = { version: version.current, value: read() };
    }
    return cache.current.value;
  };
  // Reset the cache when the observed type changes identity.
  const lastType = useRef(type);
  if (lastType.current !== type) {
    lastType.current = type;
    version.current++;
  }
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}

/** The keys of a map: re-renders when a key is added or removed, not when a value changes inside. */
export function useMapKeys<T>(map: Y.Map<T>): string[] {
  return useObserved(map, () => Array.from(map.keys()));
}

export function useNoteView(note: NoteMap | undefined): NoteView | null {
  return useObserved(note ?? null, () => (note ? readNote(note) : null));
}

export function useNoteText(note: NoteMap): string {
  const content = noteContent(note);
  return useObserved(content, () => plainText(content), true);
}

export function useCurrentPhase(control: Y.Doc): Phase {
  return useObserved(controlState(control), () => currentPhase(control));
}

export function usePhaseLocked(control: Y.Doc, phase: Phase): boolean {
  return useObserved(controlState(control), () => isPhaseLocked(control, phase));
}

export function useSettings(control: Y.Doc): WorkshopSettings {
  return useObserved(controlSettings(control), () => readSettings(control));
}

/** One entry of a map; re-renders only when that entry is replaced or removed. */
export function useMapEntry<T>(map: Y.Map<T>, key: string): T | undefined {
  return useObserved(map, () => map.get(key));
}

/** Ids of one phase's notes. A note's phase never changes, so only added/removed keys matter. */
export function usePhaseNoteIds(notes: Y.Map<NoteMap>, phase: Phase): string[] {
  return useObserved(notes, () => {
    const ids: string[] = [];
    for (const [id, m] of notes) if (m.get('phase') === phase) ids.push(id);
    return ids;
  });
}
