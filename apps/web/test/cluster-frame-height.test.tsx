import { describe, expect, it } from 'vitest';
import { act, screen } from '@testing-library/react';
import * as Y from 'yjs';
import { boardClusters, boardNotes, createCluster, createNote, noteContent, setPlainText, updateNote } from '@crossboard/model';
import { ClusterLayer } from '../src/board/ClusterLayer.tsx';
import { renderWorkshop } from './render-workshop.tsx';

const frameHeight = (title: string) => parseFloat((screen.getByText(title).closest('.cluster') as HTMLElement).style.height);

describe('a cluster frame and the text of its notes', () => {
  it('grows when a note in it gets longer, after the note has been dragged about', () => {
    const board = new Y.Doc();
    const cluster = createCluster(boardClusters(board), { phase: 'visions', title: 'Shared data' });
    const a = createNote(boardNotes(board), { phase: 'visions', x: 100, y: 100, clusterId: cluster, text: 'Short' });
    renderWorkshop(<ClusterLayer phase="visions" />, { board });
    // A drag: many moves, each recomputing the frame from the notes' heights.
    for (let i = 1; i <= 5; i++) act(() => void updateNote(boardNotes(board), a, { x: 100 + i * 4, y: 100 }));
    const before = frameHeight('Shared data');
    act(() => setPlainText(noteContent(boardNotes(board).get(a)!), 'A much longer note '.repeat(20)));
    expect(frameHeight('Shared data')).toBeGreaterThan(before);
  });
});
