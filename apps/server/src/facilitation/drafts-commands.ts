import type * as Y from 'yjs';
import {
  ORIGIN,
  boardNotes,
  controlState,
  draftNotes,
  readNote,
  revealDrafts,
  roomName,
  type Author,
} from '@crossboard/model';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../errors.ts';
import type { PersonRecord } from '../storage/storage.ts';
import { loadDocument } from '../sync/load-document.ts';
import type { Room } from '../sync/room.ts';
import { takeVersion } from './board-versions.ts';
import type { FacilitationStore } from './facilitation-store.ts';

const draftsOf = (workshopId: string, participantId: string) => roomName({ workshopId, kind: 'drafts', participantId });

function participants(ctx: ServerContext, workshopId: string): PersonRecord[] {
  return ctx.storage.listPeople(workshopId).filter((p) => p.role === 'participant' && !p.revoked);
}

function countDrafts(doc: Y.Doc): number {
  let n = 0;
  for (const m of draftNotes(doc).values()) if (readNote(m)) n++;
  return n;
}

/** Counts only: the facilitator's overview must not load every room into memory to show numbers. */
export function draftsSummary(ctx: ServerContext, workshopId: string) {
  return participants(ctx, workshopId).map((p) => {
    const name = draftsOf(workshopId, p.id);
    const loaded = ctx.rooms.loaded(name);
    let count: number;
    if (loaded) {
      count = countDrafts(loaded.document);
    } else {
      const { doc } = loadDocument(ctx.storage, name);
      count = countDrafts(doc);
      doc.destroy();
    }
    return { personId: p.id, name: p.name, count };
  });
}

/** Moderation: the facilitator takes one draft away before anyone else sees it. */
export function deleteDraft(ctx: ServerContext, workshopId: string, personId: string, noteId: string): void {
  if (!ctx.storage.getPerson(workshopId, personId)) throw new HttpError('PERSON_NOT_FOUND');
  ctx.rooms.use(draftsOf(workshopId, personId), (room) => {
    if (!draftNotes(room.document).has(noteId)) throw new HttpError('DRAFT_NOT_FOUND');
    room.change((doc) => draftNotes(doc).delete(noteId), ORIGIN.serverCommand);
  });
}

/** Holds every room in `names` loaded while `fn` runs, each unloaded later if nobody is in it. */
function withRooms<T>(ctx: ServerContext, names: string[], fn: (rooms: Room[]) => T, acc: Room[] = []): T {
  const [first, ...rest] = names;
  if (first === undefined) return fn(acc);
  return ctx.rooms.use(first, (room) => withRooms(ctx, rest, fn, [...acc, room]));
}

/**
 * Every participant's drafts appear on the board in one transaction (a version is saved
 * first), the drafts rooms are emptied, and drafting switches off. Returns how many moved.
 */
export function reveal(ctx: ServerContext, store: FacilitationStore, workshopId: string): number {
  takeVersion(ctx, store, workshopId, 'reveal');
  const people = participants(ctx, workshopId);
  const authors = new Map<string, Author>(people.map((p) => [p.id, { id: p.id, name: p.name, organisation: p.organisation }]));
  const control = roomName({ workshopId, kind: 'control' });
  const anonymous = ctx.rooms.use(control, (room) => controlState(room.document).get('anonymous') === true);
  const names = people.map((p) => draftsOf(workshopId, p.id));
  const moved = withRooms(ctx, [roomName({ workshopId, kind: 'board' }), ...names], ([board, ...drafts]) => {
    const owners = new Map(drafts.map((room, i) => [room, people[i]!]));
    let ids: string[] = [];
    board!.change((doc) => {
      ids = revealDrafts(
        doc,
        drafts.map((room) => ({ participantId: owners.get(room)!.id, doc: room.document })),
        authors,
        { origin: ORIGIN.serverCommand, removeFromDrafts: false },
      );
      const notes = boardNotes(doc);
      for (const id of ids) {
        const author = notes.get(id)?.get('author') as Author | null | undefined;
        if (author) store.setNoteAuthor(workshopId, id, author.id, String(notes.get(id)!.get('phase')));
        if (anonymous) notes.get(id)?.set('author', null);
      }
    }, ORIGIN.serverCommand);
    // Each drafts room through its own change, so the removal is stored and reaches its owner.
    const movedIds = new Set(ids);
    for (const room of drafts) {
      const gone = [...draftNotes(room.document).keys()].filter((id) => movedIds.has(id));
      if (gone.length > 0) room.change((doc) => gone.forEach((id) => draftNotes(doc).delete(id)), ORIGIN.serverCommand);
    }
    return ids.length;
  });
  ctx.rooms.use(control, (room) => room.change((doc) => controlState(doc).set('drafting', false), ORIGIN.serverCommand));
  ctx.log.info({ workshopId, moved }, 'drafts revealed');
  return moved;
}
