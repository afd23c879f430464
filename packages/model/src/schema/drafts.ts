import * as Y from 'yjs';
import { boardNotes, clampToBoard, plainText, readNote, setPlainText, type Author, type NoteMap } from './board.ts';
import { isSafeId } from '../ids.ts';
import { MAX_NOTE_MARKUP_LENGTH, MAX_NOTE_TEXT_LENGTH, MAX_NOTE_THEME_LENGTH, MAX_NOTES_PER_PERSON_PER_PHASE } from '../limits.ts';
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
      // Only well-formed drafts under their own id: the room's rules hold them to that, and
      // drafts stored before those rules are checked here.
      const notes = [...draftNotes(doc)]
        .map(([key, m]) => ({ m, view: m instanceof Y.Map ? readNote(m) : null, key }))
        .filter((x) => x.view !== null && x.view.id === x.key && isSafeId(x.key))
        .sort((a, b) => a.view!.order - b.view!.order || a.view!.id.localeCompare(b.view!.id));
      for (const { m, view } of notes) {
        const n = view!;
        if (board.has(n.id)) continue;
        const k = key(author.id, n.phase);
        if ((counts.get(k) ?? 0) >= MAX_NOTES_PER_PERSON_PER_PHASE) continue;
        counts.set(k, (counts.get(k) ?? 0) + 1);
        const note = new Y.Map<unknown>();
        const fields = {
          ...n,
          x: clampToBoard(n.x),
          y: clampToBoard(n.y),
          clusterId: null,
          theme: n.theme === null ? null : n.theme.slice(0, MAX_NOTE_THEME_LENGTH),
          author: { ...author },
          updatedAt: now,
        };
        for (const [field, value] of Object.entries(fields)) note.set(field, value);
        // Read the body without noteContent(): that would write a blank one into the draft.
        const body = m.get('content');
        const text = body instanceof Y.XmlFragment ? plainText(body) : '';
        const fits =
          body instanceof Y.XmlFragment && text.length <= MAX_NOTE_TEXT_LENGTH && body.toString().length <= MAX_NOTE_MARKUP_LENGTH;
        const copy = fits ? (body as Y.XmlFragment).clone() : new Y.XmlFragment();
        note.set('content', copy);
        board.set(n.id, note);
        if (!fits && text) setPlainText(copy, text.slice(0, MAX_NOTE_TEXT_LENGTH));
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
