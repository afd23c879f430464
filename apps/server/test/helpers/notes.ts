import * as Y from 'yjs';
import { boardNotes, createNote, plainText, type Author, type NewNote } from '@crossboard/model';
import type { CreatedWorkshop } from './server.ts';

/**
 * Notes the board's schema accepts as they are, for tests whose subject is not the schema
 * (relay, storage, protocol limits): no correction is written back, so what arrives at a
 * reader is exactly what the writer wrote.
 */

/** The author the server stamps on the notes of createWorkshop's facilitator. */
export const facilitatorAuthor = (w: Pick<CreatedWorkshop, 'facilitatorId'>): Author => ({
  id: w.facilitatorId,
  name: 'Facilitator',
  organisation: '',
});

/**
 * The author the server stamps on the notes of someone who joined with joinAsParticipant's
 * defaults: no organisation until they show it in the directory (facilitation/author-stamp.ts).
 */
export const participantAuthor = (p: { participantId: string }, name = 'Ana', organisation = ''): Author => ({
  id: p.participantId,
  name,
  organisation,
});

/** Writes one note with a chosen id and plain text, in one update; `author` must be the writer's own person. */
export function writeNote(doc: Y.Doc, author: Author, id: string, text: string, init: Partial<NewNote> = {}): string {
  doc.transact(() => createNote(boardNotes(doc), { phase: 'painPoints', ...init, id, text, author }));
  return id;
}

/** The plain text of note `id`, or undefined while it is not there (never adds a body, unlike noteContent). */
export function noteText(doc: Y.Doc, id: string): string | undefined {
  const content = boardNotes(doc).get(id)?.get('content');
  return content instanceof Y.XmlFragment ? plainText(content) : undefined;
}

/** The first line of a note's body as a Y.XmlText, for editing its words character by character. */
export function firstLine(doc: Y.Doc, id: string): Y.XmlText {
  const content = boardNotes(doc).get(id)!.get('content') as Y.XmlFragment;
  return (content.get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

/** Each note's id → plain text, for comparing two documents' boards. */
export function noteTexts(doc: Y.Doc): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const id of boardNotes(doc).keys()) out[id] = noteText(doc, id);
  return out;
}
