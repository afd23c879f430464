import * as Y from 'yjs';
import { boardNotes, readNote, type Author, type NoteMap } from './board.ts';
import { MAX_NOTES_PER_PERSON_PER_PHASE } from '../limits.ts';
import { ORIGIN } from '../origins.ts';
import type { Phase } from '../phases.ts';

/**
 * A participant's drafts room (`WORKSHOP/drafts/PARTICIPANT`): notes of the same shape as
 * the board's, under `notes`, seen only by their writer and the facilitators until revealed.
 */
export function draftNotes(doc: Y.Doc): Y.Map<NoteMap> {
  return doc.getMap('notes');
}

export interface DraftsOfParticipant {
  participantId: string;
  doc: Y.Doc;
}

export interface RevealOptions {
  now?: number;
  origin?: unknown;
  /** Take revealed notes out of the drafts rooms (default), as the facilitator expects. */
  removeFromDrafts?: boolean;
}

/**
 * Copies every participant's drafts onto the board in ONE board transaction, so everyone
 * sees all drafts appear at the same moment and no one's note lands first. Returns the ids
 * moved. The author is stamped from the server's people list, never from the draft: a
 * draft room is written by its owner. A draft already on the board (a repeated reveal) is
 * not copied twice; drafts over the per-person limit stay in their drafts room.
 */
export function revealDrafts(
  boardDoc: Y.Doc,
  drafts: Iterable<DraftsOfParticipant>,
  authorsById: ReadonlyMap<string, Author>,
  options: RevealOptions = {},
): string[] {
  const now = options.now ?? Date.now();
  const board = boardNotes(boardDoc);
  const counts = new Map<string, number>();
  const key = (author: string, phase: Phase) => `${author}\u0000${phase}`;
  for (const m of board.values()) {
    const n = readNote(m);
    if (n?.author) counts.set(key(n.author.id, n.phase), (counts.get(key(n.author.id, n.phase)) ?? 0) + 1);
  }

  const moved: { doc: Y.Doc; id: string }[] = [];
  boardDoc.transact(() => {
    for (const { participantId, doc } of drafts) {
      const author = authorsById.get(participantId);
      if (!author) continue;
      const notes = [...draftNotes(doc).values()]
        .map((m) => ({ m, view: readNote(m) }))
        .filter((x) => x.view !== null)
        .sort((a, b) => a.view!.order - b.view!.order || a.view!.id.localeCompare(b.view!.id));
      for (const { m, view } of notes) {
        const n = view!;
        if (board.has(n.id)) continue;
        const k = key(author.id, n.phase);
        if ((counts.get(k) ?? 0) >= MAX_NOTES_PER_PERSON_PER_PHASE) continue;
        counts.set(k, (counts.get(k) ?? 0) + 1);
        const note = new Y.Map<unknown>();
        for (const [field, value] of Object.entries({ ...n, author: { ...author }, updatedAt: now })) note.set(field, value);
        // Read the body without noteContent(): that would write a blank one into the draft.
        const body = m.get('content');
        note.set('content', body instanceof Y.XmlFragment ? body.clone() : new Y.XmlFragment());
        board.set(n.id, note);
        moved.push({ doc, id: n.id });
      }
    }
  }, options.origin ?? ORIGIN.serverCommand);

  if (options.removeFromDrafts ?? true) {
    const byDoc = new Map<Y.Doc, string[]>();
    for (const { doc, id } of moved) byDoc.set(doc, [...(byDoc.get(doc) ?? []), id]);
    for (const [doc, ids] of byDoc) {
      doc.transact(() => ids.forEach((id) => draftNotes(doc).delete(id)), options.origin ?? ORIGIN.serverCommand);
    }
  }
  return moved.map((m) => m.id);
}
