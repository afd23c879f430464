import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';

/** Someone else whose awareness `selection` is a note: who to name and which colour to outline in. */
export interface NoteSelector {
  clientId: number;
  name: string;
  colour: string;
}

const NONE: readonly NoteSelector[] = Object.freeze([]);
const FALLBACK_COLOUR = '#5b6270';

/**
 * Who is on which note, kept once per Awareness. Cursor moves change awareness many times a
 * second and a board holds hundreds of notes, so each awareness change is read once here and
 * only the notes whose selectors actually changed are told; every other NoteCard keeps its
 * snapshot (the same array) and does not re-render.
 */
class SelectionIndex {
  private readonly byNote = new Map<string, { key: string; selectors: readonly NoteSelector[] }>();
  private readonly listeners = new Map<string, Set<() => void>>();
  private subscribers = 0;

  constructor(private readonly awareness: Awareness) {}

  private readonly onChange = () => this.refresh();

  subscribe(noteId: string, listener: () => void): () => void {
    let set = this.listeners.get(noteId);
    if (!set) this.listeners.set(noteId, (set = new Set()));
    set.add(listener);
    if (this.subscribers++ === 0) {
      this.awareness.on('change', this.onChange);
      this.refresh();
    }
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(noteId);
      if (--this.subscribers === 0) this.awareness.off('change', this.onChange);
    };
  }

  selectorsOf(noteId: string): readonly NoteSelector[] {
    // Read before the first subscription (React's first render): fill the index once.
    if (this.subscribers === 0) this.refresh();
    return this.byNote.get(noteId)?.selectors ?? NONE;
  }

  private refresh(): void {
    const self = this.awareness.getLocalState()?.user as { id?: unknown } | undefined;
    const next = new Map<string, NoteSelector[]>();
    this.awareness.getStates().forEach((state, clientId) => {
      if (clientId === this.awareness.clientID) return;
      const selection = state?.selection;
      const user = state?.user as { id?: unknown; name?: unknown; colour?: unknown } | undefined;
      if (typeof selection !== 'string' || !user || typeof user.name !== 'string') return;
      // The same person in another tab of this browser is not "someone else here".
      if (self?.id !== undefined && user.id === self.id) return;
      const colour = typeof user.colour === 'string' && /^#[0-9a-fA-F]{3,8}$/.test(user.colour) ? user.colour : FALLBACK_COLOUR;
      let list = next.get(selection);
      if (!list) next.set(selection, (list = []));
      list.push({ clientId, name: user.name, colour });
    });
    const changed: string[] = [];
    for (const [noteId, list] of next) {
      list.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
      const key = list.map((s) => `${s.clientId}\u0000${s.name}\u0000${s.colour}`).join('\u0001');
      if (this.byNote.get(noteId)?.key !== key) {
        this.byNote.set(noteId, { key, selectors: list });
        changed.push(noteId);
      }
    }
    for (const noteId of [...this.byNote.keys()]) {
      if (!next.has(noteId)) {
        this.byNote.delete(noteId);
        changed.push(noteId);
      }
    }
    for (const noteId of changed) this.listeners.get(noteId)?.forEach((l) => l());
  }
}

const indexes = new WeakMap<Awareness, SelectionIndex>();
function indexFor(awareness: Awareness): SelectionIndex {
  let index = indexes.get(awareness);
  if (!index) indexes.set(awareness, (index = new SelectionIndex(awareness)));
  return index;
}

/** The other people on one note, as a snapshot that stays the same array until they change. */
export function useNoteSelectors(awareness: Awareness, noteId: string): readonly NoteSelector[] {
  const index = indexFor(awareness);
  const subscribe = useCallback((onChange: () => void) => index.subscribe(noteId, onChange), [index, noteId]);
  const get = () => index.selectorsOf(noteId);
  return useSyncExternalStore(subscribe, get, get);
}

/** Publishes `selection: noteId` while `selected`, and clears it when it stops or the note goes. */
export function usePublishSelection(awareness: Awareness, noteId: string, selected: boolean): void {
  useEffect(() => {
    if (!selected) return;
    if (awareness.getLocalState()?.selection !== noteId) awareness.setLocalStateField('selection', noteId);
    return () => {
      // Another note may already have taken the selection (focus moved straight to it).
      if (awareness.getLocalState() && awareness.getLocalState()?.selection === noteId) awareness.setLocalStateField('selection', null);
    };
  }, [awareness, noteId, selected]);
}
