import * as Y from 'yjs';
import { ORIGIN, boardNotes, parseRoomName, readBreakout, roomName, type Author } from '@crossboard/model';
import type { ServerContext } from '../context.ts';
import { authorStamp } from '../facilitation/author-stamp.ts';
import type { PresenceIdentity } from '../sync/connection.ts';
import type { Room } from '../sync/room.ts';
import type { PersonRecord } from '../storage/storage.ts';

const sameStamp = (value: unknown, author: Author): boolean => {
  if (typeof value !== 'object' || value === null) return false;
  const a = value as Record<string, unknown>;
  return Object.keys(a).length === 3 && a.id === author.id && a.name === author.name && a.organisation === author.organisation;
};

/** Rewrites the stamp on the person's notes in one room, in one server transaction. Returns how many. */
async function restampRoom(room: Room, author: Author, current: () => boolean): Promise<number> {
  let fixed = 0;
  // Read inside the change: it runs in the room's queue, after every update already received.
  await room.change((doc) => {
    // A newer consent change got here first (or will): this older stamp must not win.
    if (!current()) return;
    for (const note of boardNotes(doc).values()) {
      if (!(note instanceof Y.Map)) continue;
      const stamp = note.get('author') as { id?: unknown } | null | undefined;
      if (typeof stamp !== 'object' || stamp === null || stamp.id !== author.id || sameStamp(stamp, author)) continue;
      note.set('author', { ...author });
      fixed++;
    }
  }, ORIGIN.serverCommand);
  return fixed;
}

/** The rooms holding notes stamped with a person: the board, each breakout group's board, their drafts. */
const holdsNotes = (name: string): boolean => {
  const kind = parseRoomName(name)?.kind;
  return kind === 'board' || kind === 'group' || kind === 'drafts';
};

/**
 * A person changed their directory consent: the stamp on their existing notes follows it in
 * every board, group board and drafts room of the workshop. Loaded rooms are fixed live (the
 * change is stored and sent like any server command). With `loadUnloaded` (the process where
 * the consent was saved) the workshop's other rooms are loaded, fixed and left to unload, so a
 * room nobody had open does not hand the old stamp to its next reader; the rooms other
 * processes hold receive that fix through the fan-out, and fix what they hold themselves too.
 */
export async function restampNoteAuthors(
  ctx: ServerContext,
  workshopId: string,
  person: PersonRecord,
  identity: PresenceIdentity,
  { loadUnloaded, current }: { loadUnloaded: boolean; current: () => boolean },
): Promise<number> {
  const author = authorStamp(person, identity);
  const names = new Set<string>();
  for (const room of ctx.rooms.withPrefix(`${workshopId}/`)) if (holdsNotes(room.name)) names.add(room.name);
  if (loadUnloaded) {
    // Only rooms that may hold their notes are loaded: the boards when the server recorded a
    // note of theirs (main board and groups record alike), their drafts when any are stored.
    if ([...(await ctx.records.noteAuthors(workshopId)).values()].includes(person.id)) {
      names.add(roomName({ workshopId, kind: 'board' }));
      const breakout = await ctx.rooms.use(roomName({ workshopId, kind: 'control' }), (room) => readBreakout(room.document));
      for (const g of breakout.groups) names.add(roomName({ workshopId, kind: 'group', groupId: g.id }));
    }
    const drafts = roomName({ workshopId, kind: 'drafts', participantId: person.id });
    const stored = await ctx.storage.loadDocument(drafts);
    if (stored.snapshot !== null || stored.updates.length > 0) names.add(drafts);
  }
  let fixed = 0;
  for (const name of names) {
    const loaded = ctx.rooms.loaded(name);
    try {
      fixed += loaded
        ? await restampRoom(loaded, author, current)
        : await ctx.rooms.use(name, (room) => restampRoom(room, author, current));
    } catch (e) {
      ctx.log.error({ workshopId, personId: person.id, room: name, err: e }, 'restamping note authors failed');
    }
  }
  return fixed;
}
