import { ORIGIN, boardNotes, roomName } from '@crossboard/model';
import * as Y from 'yjs';
import type { ServerContext } from '../context.ts';
import type { AsyncFacilitationRecords as FacilitationStore } from '../storage/records.ts';
import { takeVersion } from './board-versions.ts';

/**
 * Deletes every board note a person wrote, for a facilitator removing someone who posted
 * abuse. The board is saved as a version first, so restoring that version undoes it. Authors
 * come from the server's records (anonymous workshops show none on the notes themselves) and
 * from the notes' stamped author.
 */
export async function removeNotesOf(
  ctx: ServerContext,
  store: FacilitationStore,
  workshopId: string,
  personId: string,
): Promise<{ notesRemoved: number; versionId: string }> {
  const versionId = await takeVersion(ctx, store, workshopId, 'before-removal');
  const recorded = await store.noteAuthors(workshopId);
  const notesRemoved = await ctx.rooms.use(roomName({ workshopId, kind: 'board' }), async (room) => {
    const notes = boardNotes(room.document);
    const theirs = [...notes.entries()]
      .filter(([id, note]) => recorded.get(id) === personId || authorId(note) === personId)
      .map(([id]) => id);
    if (theirs.length > 0) await room.change(() => theirs.forEach((id) => notes.delete(id)), ORIGIN.serverCommand);
    return theirs.length;
  });
  ctx.log.info({ workshopId, personId, notesRemoved, versionId }, 'removed person’s notes deleted');
  return { notesRemoved, versionId };
}

function authorId(note: unknown): string | null {
  if (!(note instanceof Y.Map)) return null;
  const author = note.get('author') as { id?: unknown } | null | undefined;
  return typeof author?.id === 'string' ? author.id : null;
}
