import * as Y from 'yjs';
import { listClusters, listNotes, plainText, boardNotes, type Phase } from '@crossboard/model';

/** Something on the board a recommendation can come from or link to. */
export interface BoardItem {
  id: string;
  kind: 'note' | 'cluster';
  phase: Phase;
  label: string;
}

const MAX_LABEL = 90;
// Reading must not write: noteContent() would give a body-less note a blank one.
const textOf = (content: unknown) => (content instanceof Y.XmlFragment ? plainText(content) : '');
const short = (s: string) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > MAX_LABEL ? `${one.slice(0, MAX_LABEL - 1)}…` : one;
};

/** A phase's clusters, then its notes, as pickers list them. */
export function boardItems(board: Y.Doc, phase: Phase): BoardItem[] {
  const notes = boardNotes(board);
  return [
    ...listClusters(board, phase).map((c) => ({ id: c.id, kind: 'cluster' as const, phase, label: short(c.title) || '—' })),
    ...listNotes(board, phase).map((n) => {
      const m = notes.get(n.id);
      return { id: n.id, kind: 'note' as const, phase, label: short(m ? textOf(m.get('content')) : '') || '—' };
    }),
  ];
}

/** Names and organisations seen on the board: suggestions for an action step's owner. */
export function ownerSuggestions(board: Y.Doc): string[] {
  const out = new Set<string>();
  for (const n of listNotes(board)) {
    if (n.author?.name) out.add(n.author.name);
    if (n.author?.organisation) out.add(n.author.organisation);
  }
  return [...out].sort((a, b) => a.localeCompare(b));
}
