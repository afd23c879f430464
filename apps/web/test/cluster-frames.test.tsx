import { describe, expect, it } from 'vitest';
import { act, screen } from '@testing-library/react';
import * as Y from 'yjs';
import { boardClusters, boardNotes, createCluster, createNote, updateNote } from '@crossboard/model';
import { ClusterLayer } from '../src/board/ClusterLayer.tsx';
import { NOTE_HEIGHT, NOTE_WIDTH } from '../src/layout/note-geometry.ts';
import { renderWorkshop } from './render-workshop.tsx';

/** The frame drawn for a cluster, found by its visible label. */
function frameOf(title: string): HTMLElement {
  return screen.getByText(title).closest('.cluster') as HTMLElement;
}
function box(el: HTMLElement) {
  const m = /translate\((-?\d+)px, (-?\d+)px\)/.exec(el.style.transform)!;
  const left = Number(m[1]);
  const top = Number(m[2]);
  return { left, top, right: left + parseFloat(el.style.width), bottom: top + parseFloat(el.style.height) };
}

describe('cluster frames on the board', () => {
  it('enclose their notes, count them, and follow a note that moves', () => {
    const board = new Y.Doc();
    const cluster = createCluster(boardClusters(board), { phase: 'visions', title: 'Shared data' });
    const a = createNote(boardNotes(board), { phase: 'visions', x: 100, y: 100, clusterId: cluster, text: 'A' });
    createNote(boardNotes(board), { phase: 'visions', x: 400, y: 120, clusterId: cluster, text: 'B' });
    // Same cluster id on another phase's note must not stretch this frame.
    createNote(boardNotes(board), { phase: 'painPoints', x: 5000, y: 5000, clusterId: cluster, text: 'C' });
    renderWorkshop(<ClusterLayer phase="visions" />, { board });

    expect(screen.getByText('2 notes')).toBeInTheDocument();
    let b = box(frameOf('Shared data'));
    expect(b.left).toBeLessThan(100);
    expect(b.top).toBeLessThan(100);
    expect(b.right).toBeGreaterThan(400 + NOTE_WIDTH);
    expect(b.bottom).toBeGreaterThan(120 + NOTE_HEIGHT);

    act(() => {
      updateNote(boardNotes(board), a, { x: 900, y: 700 });
    });
    b = box(frameOf('Shared data'));
    expect(b.left).toBeLessThan(400);
    expect(b.right).toBeGreaterThan(900 + NOTE_WIDTH);
    expect(b.bottom).toBeGreaterThan(700 + NOTE_HEIGHT);
  });
});
