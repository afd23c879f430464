import { Extension } from '@tiptap/core';

/**
 * Ctrl+Home and Ctrl+End (Cmd on a Mac) move to the note's start and end through the editor,
 * not the browser. Left to the browser, the caret moves first and the editor learns of it a
 * moment later (selectionchange is a task of its own); someone else's typing that lands in
 * between made the editor put the caret back where it was, and the next words went to the end
 * instead of the start ("failMoney: " in a co-written note).
 */
export const NoteEnds = Extension.create({
  name: 'noteEnds',
  addKeyboardShortcuts() {
    return {
      'Mod-Home': () => this.editor.commands.focus('start'),
      'Mod-End': () => this.editor.commands.focus('end'),
    };
  },
});
