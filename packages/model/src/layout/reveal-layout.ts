import type * as Y from 'yjs';
import { boardNotes, readNote } from '../schema/board.ts';
import { layoutRevealedDrafts, type Block } from './arrange.ts';
import { noteRect, type Rect } from './placement.ts';

/**
 * Revealed drafts arrive wherever each person wrote them (often all at one spot). This lays
 * them out per phase: one tidy block per author, below the notes already on that board.
 * Runs inside the reveal's transaction, so everyone sees the drafts arrive in place.
 */
export function arrangeRevealedNotes(doc: Y.Doc, revealedIds: string[]): void {
  const revealed = new Set(revealedIds);
  const notes = boardNotes(doc);
  const occupied = new Map<string, Rect[]>();
  const blocks = new Map<string, Map<string, Block<string>>>();
  for (const [id, map] of notes) {
    const n = readNote(map);
    if (!n) continue;
    if (!revealed.has(id)) {
      occupied.set(n.phase, [...(occupied.get(n.phase) ?? []), noteRect(n)]);
      continue;
    }
    const byAuthor = blocks.get(n.phase) ?? new Map<string, Block<string>>();
    blocks.set(n.phase, byAuthor);
    const key = n.author?.id ?? '';
    const block = byAuthor.get(key) ?? { key, items: [] };
    byAuthor.set(key, block);
    block.items.push(id);
  }
  for (const [phase, byAuthor] of blocks) {
    const ordered = [...byAuthor.values()].map((b) => ({
      ...b,
      items: b.items.sort((a, z) => Number(notes.get(a)!.get('createdAt')) - Number(notes.get(z)!.get('createdAt'))),
    }));
    for (const [id, p] of layoutRevealedDrafts(occupied.get(phase) ?? [], ordered)) {
      notes.get(id)!.set('x', p.x);
      notes.get(id)!.set('y', p.y);
    }
  }
}
