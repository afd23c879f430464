import { Extension } from '@tiptap/core';
import { yCursorPlugin } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';

/**
 * Shows other people's text carets inside a note, like Tiptap's CollaborationCaret.
 *
 * Why not CollaborationCaret itself: y-tiptap's cursor plugin always reads the awareness
 * field `cursor`, which our board uses for the pointer position ({x, y, phase}); reading a
 * board pointer as a text position throws. So the plugin gets a view of the awareness whose
 * `cursor` is the `textCursor` field, and the board's field is left alone.
 */
export function textCursorAwareness(awareness: Awareness): Awareness {
  type State = Record<string, any>;
  const view = (s: State | null) => {
    if (!s) return s;
    const user = (s.user ?? {}) as State;
    // y-tiptap wants `color` as #rrggbb; our presence colours are stored as `colour`.
    return { ...s, cursor: s.textCursor ?? null, user: { ...user, color: user.colour ?? user.color } };
  };
  const adapter = {
    get clientID() {
      return awareness.clientID;
    },
    doc: awareness.doc,
    getLocalState: () => view(awareness.getLocalState()),
    getStates: () => new Map(Array.from(awareness.getStates(), ([id, s]) => [id, view(s)] as const)),
    setLocalStateField: (field: string, value: unknown) => awareness.setLocalStateField(field === 'cursor' ? 'textCursor' : field, value),
    on: (name: string, fn: (...args: any[]) => void) => awareness.on(name as 'change', fn),
    off: (name: string, fn: (...args: any[]) => void) => awareness.off(name as 'change', fn),
  };
  return adapter as unknown as Awareness;
}

export interface NoteCaretOptions {
  awareness: Awareness | null;
}

export const NoteCaret = Extension.create<NoteCaretOptions>({
  name: 'noteCaret',
  addOptions() {
    return { awareness: null };
  },
  addProseMirrorPlugins() {
    if (!this.options.awareness) return [];
    return [
      yCursorPlugin(textCursorAwareness(this.options.awareness), {
        cursorBuilder: (user: { name?: string; color?: string }) => {
          const caret = document.createElement('span');
          caret.className = 'caret';
          caret.style.borderColor = user.color ?? '#4b5563';
          const label = document.createElement('span');
          label.className = 'caret__label';
          label.style.backgroundColor = user.color ?? '#4b5563';
          label.textContent = user.name ?? '';
          caret.append(label);
          return caret;
        },
        selectionBuilder: (user: { color?: string }) => ({
          style: `background-color: ${user.color ?? '#4b5563'}33`,
          class: 'caret__selection',
        }),
      }),
    ];
  },
});
