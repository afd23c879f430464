import { describe, expect, it } from 'vitest';
import { Profiler } from 'react';
import { act, screen } from '@testing-library/react';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { boardNotes, createNote } from '@crossboard/model';
import { NoteCard } from '../src/board/NoteCard.tsx';
import { renderWorkshop } from './render-workshop.tsx';

/** Relays one Awareness's changes into another, as the server does between two clients. */
function relay(from: Awareness, to: Awareness) {
  from.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [...added, ...updated, ...removed]), 'remote');
  });
}

const ANA = {
  id: 'p-ana',
  name: 'Ana Souza',
  organisation: 'Region of Galicia',
  timeZone: 'Europe/Madrid',
  colour: '#8a1c7c',
  role: 'participant',
};
const BEN = {
  id: 'p-ben',
  name: 'Ben Okafor',
  organisation: 'Lagos State',
  timeZone: 'Africa/Lagos',
  colour: '#1b6b3a',
  role: 'participant',
};

function twoNotes() {
  const board = new Y.Doc();
  const notes = boardNotes(board);
  const first = createNote(notes, {
    phase: 'painPoints',
    text: 'Pilots are budgeted to fail',
    x: 0,
    y: 0,
    author: { id: 'p-me', name: 'Mia Laurent', organisation: 'City of Lyon' },
  });
  const second = createNote(notes, {
    phase: 'painPoints',
    text: 'No learning loops',
    x: 300,
    y: 0,
    author: { id: 'p-me', name: 'Mia Laurent', organisation: 'City of Lyon' },
  });
  return { board, first, second };
}

/** Two NoteCards, each counting its own renders. */
function renderCounted(board: Y.Doc, ids: string[]) {
  const renders = new Map<string, number>(ids.map((id) => [id, 0]));
  const view = renderWorkshop(
    <>
      {ids.map((id) => (
        <Profiler key={id} id={id} onRender={() => renders.set(id, renders.get(id)! + 1)}>
          <NoteCard id={id} themes={[]} readOnly={false} />
        </Profiler>
      ))}
    </>,
    { board },
  );
  return { ...view, renders };
}

const noteNamed = (text: RegExp) => screen.getByRole('article', { name: text });

describe('who is on a note', () => {
  it('outlines the note someone else selected in their colour, names them, and re-renders only that note', () => {
    const { board, first, second } = twoNotes();
    const { awareness: mine, renders } = renderCounted(board, [first, second]);
    const ana = new Awareness(new Y.Doc());
    const ben = new Awareness(new Y.Doc());
    relay(ana, mine);
    relay(ben, mine);
    act(() => ana.setLocalState({ user: ANA, status: 'active' }));
    act(() => ben.setLocalState({ user: BEN, status: 'active' }));
    expect(noteNamed(/Pilots/)).not.toHaveAttribute('aria-describedby');
    renders.set(first, 0);
    renders.set(second, 0);

    act(() => ana.setLocalStateField('selection', first));
    expect(noteNamed(/Pilots/)).toHaveAccessibleDescription('Ana Souza is here');
    expect(noteNamed(/Pilots/).style.getPropertyValue('--selector-colour')).toBe(ANA.colour);
    expect(noteNamed(/Pilots/).querySelector('.note__here-name')).toHaveStyle({ background: ANA.colour });
    expect(noteNamed(/Pilots/).querySelector('.note__here-name')).toHaveTextContent('Ana Souza is here');
    expect(noteNamed(/learning loops/)).not.toHaveAttribute('aria-describedby');
    expect(renders.get(first)).toBeGreaterThan(0);
    expect(renders.get(second)).toBe(0);

    // Pointer moves and status changes say nothing about notes: no note re-renders.
    renders.set(first, 0);
    act(() => {
      for (let x = 0; x < 20; x++) ana.setLocalStateField('cursor', { x, y: 5, phase: 'painPoints' });
      ben.setLocalStateField('status', 'idle');
    });
    expect([renders.get(first), renders.get(second)]).toEqual([0, 0]);

    // Ben joins Ana on the note; then Ana moves on to the other one.
    act(() => ben.setLocalStateField('selection', first));
    expect(noteNamed(/Pilots/)).toHaveAccessibleDescription('Ana Souza is here, Ben Okafor is here');
    act(() => ana.setLocalStateField('selection', second));
    expect(noteNamed(/Pilots/)).toHaveAccessibleDescription('Ben Okafor is here');
    expect(noteNamed(/learning loops/)).toHaveAccessibleDescription('Ana Souza is here');

    // Cleared selections and people who leave take their outline with them.
    act(() => ben.setLocalStateField('selection', null));
    act(() => ana.setLocalState(null));
    expect(noteNamed(/Pilots/)).not.toHaveAttribute('aria-describedby');
    expect(noteNamed(/learning loops/)).not.toHaveAttribute('aria-describedby');
    expect(screen.queryByText(/is here/)).not.toBeInTheDocument();
  });

  it('publishes this person’s selection while focus is in a note, and clears it on blur', () => {
    const { board, first, second } = twoNotes();
    const { awareness: mine } = renderCounted(board, [first, second]);
    const theirs = new Awareness(new Y.Doc());
    relay(mine, theirs);
    const seenByThem = () => theirs.getStates().get(mine.clientID)?.selection ?? null;

    act(() => noteNamed(/Pilots/).focus());
    expect(mine.getLocalState()?.selection).toBe(first);
    expect(seenByThem()).toBe(first);

    // Straight to the other note: the selection follows, never left on the first.
    act(() => noteNamed(/learning loops/).focus());
    expect(seenByThem()).toBe(second);

    // Focus moving inside the note (its tools, or its editor while editing) keeps it selected.
    const blue = screen.getAllByRole('button', { name: 'Colour: Blue' })[1]!;
    expect(blue.closest('article')).toBe(noteNamed(/learning loops/));
    act(() => blue.focus());
    expect(seenByThem()).toBe(second);

    act(() => (document.activeElement as HTMLElement).blur());
    expect(seenByThem()).toBeNull();
    expect(mine.getLocalState()?.selection).toBeNull();
  });
});
