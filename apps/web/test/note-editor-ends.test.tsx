import { describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as Y from 'yjs';
import type { Editor } from '@tiptap/core';
import { boardNotes, createNote, noteContent, plainText } from '@crossboard/model';
import { NoteEditor } from '../src/board/NoteEditor.tsx';
import { connect } from './render-workshop.tsx';

/** A note Ana is writing in while Tom, on his own copy of the board, writes in it too. */
function coWrittenNote() {
  const ana = new Y.Doc();
  const tom = new Y.Doc();
  connect(ana, tom);
  const id = createNote(boardNotes(ana), {
    phase: 'painPoints',
    text: 'Pilots budgeted as if they will fail',
    author: { id: 'p-ana', name: 'Ana Gómez', organisation: 'Alcaldía de Bogotá' },
  });
  const tomTypesAtTheEnd = (text: string) => {
    const paragraph = noteContent(boardNotes(tom).get(id)!).get(0) as Y.XmlElement;
    const words = paragraph.get(0) as Y.XmlText;
    words.insert(words.length, text);
  };
  return { fragment: noteContent(boardNotes(ana).get(id)!), tomTypesAtTheEnd };
}

const editorOf = (textbox: HTMLElement) => (textbox as HTMLElement & { editor: Editor }).editor;

describe('Ctrl+Home and Ctrl+End in a note', () => {
  it('go to the note’s start and end, and the caret stays there while someone else types', async () => {
    const user = userEvent.setup();
    const { fragment, tomTypesAtTheEnd } = coWrittenNote();
    render(<NoteEditor fragment={fragment} awareness={null} label="Note text" />);
    const textbox = await screen.findByRole('textbox', { name: 'Note text' });
    await waitFor(() => expect(textbox).toHaveFocus());
    const editor = editorOf(textbox);
    const end = editor.state.doc.content.size - 1;
    expect(editor.state.selection.from).toBe(end);

    fireEvent.keyDown(textbox, { key: 'Home', code: 'Home', ctrlKey: true });
    expect(editor.state.selection.from).toBe(1);
    act(() => tomTypesAtTheEnd(' and no learning loops'));
    expect(editor.state.selection.from).toBe(1);
    await user.keyboard('Money: ');
    expect(plainText(fragment)).toBe('Money: Pilots budgeted as if they will fail and no learning loops');

    fireEvent.keyDown(textbox, { key: 'End', code: 'End', ctrlKey: true });
    expect(editor.state.selection.from).toBe(editor.state.doc.content.size - 1);
  });
});
