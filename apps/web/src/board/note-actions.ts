import * as Y from 'yjs';
import { appendPlainText, boardNotes, clampToBoard, createNote, ORIGIN, updateNote, type NewNote, type NotePatch } from '@crossboard/model';
import type { LocalUser } from '../shared/workshop-context.ts';

/**
 * The board's writes. Every one runs as a transaction with ORIGIN.local so the undo manager
 * tracks it (and only it); each starts a new undo step so "undo" reverses one action.
 */
export function addNote(doc: Y.Doc, undo: Y.UndoManager, me: LocalUser, init: Omit<NewNote, 'author'>): string {
  undo.stopCapturing();
  let id = '';
  doc.transact(() => {
    // The server stamps the author from the token; writing ours keeps the note right offline.
    id = createNote(boardNotes(doc), { ...init, author: { id: me.id, name: me.name, organisation: me.organisation } });
  }, ORIGIN.local);
  undo.stopCapturing();
  return id;
}

export function patchNote(doc: Y.Doc, id: string, patch: NotePatch): void {
  doc.transact(() => updateNote(boardNotes(doc), id, patch), ORIGIN.local);
}

export function moveNoteBy(doc: Y.Doc, id: string, dx: number, dy: number): void {
  const note = boardNotes(doc).get(id);
  if (!note) return;
  const x = Number(note.get('x')) || 0;
  const y = Number(note.get('y')) || 0;
  patchNote(doc, id, { x: clampToBoard(x + dx), y: clampToBoard(y + dy) });
}

export function deleteNote(doc: Y.Doc, undo: Y.UndoManager, id: string): void {
  undo.stopCapturing();
  doc.transact(() => boardNotes(doc).delete(id), ORIGIN.local);
  undo.stopCapturing();
}

/** Text typed into a note whose editor had not arrived yet, written at its end. */
export function appendTyped(doc: Y.Doc, id: string, text: string): void {
  const content = boardNotes(doc).get(id)?.get('content');
  if (!text || !(content instanceof Y.XmlFragment)) return;
  doc.transact(() => appendPlainText(content, text), ORIGIN.local);
}
