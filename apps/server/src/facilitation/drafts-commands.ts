import * as Y from 'yjs';
import {
  ORIGIN,
  arrangeRevealedNotes,
  boardNotes,
  controlState,
  draftNotes,
  plainText,
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
import type { AsyncFacilitationRecords as FacilitationStore } from '../storage/records.ts';

const draftsOf = (workshopId: string, participantId: string) => roomName({ workshopId, kind: 'drafts', participantId });

async function participants(ctx: ServerContext, workshopId: string): Promise<PersonRecord[]> {
  return (await ctx.storage.listPeople(workshopId)).filter((p) => p.role === 'participant' && !p.revoked);
}

/** What a facilitator may know of one draft without reading it: its id and its length in characters. */
export interface DraftShape {
  id: string;
  length: number;
}

/** A room's drafts in their outline order, as ids and lengths: never their text. */
function draftShapes(doc: Y.Doc): DraftShape[] {
  const out: (DraftShape & { order: number })[] = [];
  for (const [key, m] of draftNotes(doc)) {
    const n = m instanceof Y.Map ? readNote(m) : null;
    if (!n || n.id !== key) continue;
    const content = m.get('content');
    out.push({ id: n.id, length: content instanceof Y.XmlFragment ? plainText(content).length : 0, order: n.order });
  }
  return out.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id)).map(({ id, length }) => ({ id, length }));
}

/**
 * Counts, ids and lengths only (drafts reach nobody before reveal, facilitators included):
 * enough to moderate by deleting a draft through the API without reading it.
 */
export async function draftsSummary(ctx: ServerContext, workshopId: string) {
  const people = await participants(ctx, workshopId);
  return Promise.all(
    people.map(async (p) => {
      const name = draftsOf(workshopId, p.id);
      const loaded = ctx.rooms.loaded(name);
      let notes: DraftShape[];
      if (loaded) {
        notes = draftShapes(loaded.document);
      } else {
        const { doc } = await loadDocument(ctx.storage, name);
        notes = draftShapes(doc);
        doc.destroy();
      }
      return { personId: p.id, name: p.name, count: notes.length, notes };
    }),
  );
}

/** Moderation: the facilitator takes one draft away before anyone else sees it. */
export async function deleteDraft(ctx: ServerContext, workshopId: string, personId: string, noteId: string): Promise<void> {
  if (!(await ctx.storage.getPerson(workshopId, personId))) throw new HttpError('PERSON_NOT_FOUND');
  await ctx.rooms.use(draftsOf(workshopId, personId), async (room) => {
    await room.settled();
    if (!draftNotes(room.document).has(noteId)) throw new HttpError('DRAFT_NOT_FOUND');
    await room.change((doc) => draftNotes(doc).delete(noteId), ORIGIN.serverCommand);
  });
}

/** Holds every room in `names` loaded while `fn` runs, each unloaded later if nobody is in it. */
async function withRooms<T>(ctx: ServerContext, names: string[], fn: (rooms: Room[]) => Promise<T>, acc: Room[] = []): Promise<T> {
  const [first, ...rest] = names;
  if (first === undefined) return fn(acc);
  return ctx.rooms.use(first, (room) => withRooms(ctx, rest, fn, [...acc, room]));
}

/**
 * Every participant's drafts appear on the board in one transaction (a version is saved
 * first), the drafts rooms are emptied, and drafting switches off. Returns how many moved.
 */
export async function reveal(ctx: ServerContext, store: FacilitationStore, workshopId: string): Promise<number> {
  await takeVersion(ctx, store, workshopId, 'reveal');
  const people = await participants(ctx, workshopId);
  const authors = new Map<string, Author>(people.map((p) => [p.id, { id: p.id, name: p.name, organisation: p.organisation }]));
  const control = roomName({ workshopId, kind: 'control' });
  const anonymous = await ctx.rooms.use(control, (room) => controlState(room.document).get('anonymous') === true);
  const names = people.map((p) => draftsOf(workshopId, p.id));
  const moved = await withRooms(ctx, [roomName({ workshopId, kind: 'board' }), ...names], async ([board, ...drafts]) => {
    const owners = new Map(drafts.map((room, i) => [room, people[i]!]));
    // Drafts as stored: a draft still being written to storage is not revealed half-way.
    await Promise.all(drafts.map((room) => room.settled()));
    let ids: string[] = [];
    const authored: [string, string, string][] = [];
    await board!.change((doc) => {
      ids = revealDrafts(
        doc,
        drafts.map((room) => ({ participantId: owners.get(room)!.id, doc: room.document })),
        authors,
        { origin: ORIGIN.serverCommand, removeFromDrafts: false },
      );
      arrangeRevealedNotes(doc, ids);
      const notes = boardNotes(doc);
      for (const id of ids) {
        const author = notes.get(id)?.get('author') as Author | null | undefined;
        if (author) authored.push([id, author.id, String(notes.get(id)!.get('phase'))]);
        if (anonymous) notes.get(id)?.set('author', null);
      }
    }, ORIGIN.serverCommand);
    for (const [id, personId, phase] of authored) await store.setNoteAuthor(workshopId, id, personId, phase);
    // Each drafts room through its own change, so the removal is stored and reaches its owner.
    const movedIds = new Set(ids);
    for (const room of drafts) {
      const gone = [...draftNotes(room.document).keys()].filter((id) => movedIds.has(id));
      if (gone.length > 0) await room.change((doc) => gone.forEach((id) => draftNotes(doc).delete(id)), ORIGIN.serverCommand);
    }
    return ids.length;
  });
  await ctx.rooms.use(control, (room) => room.change((doc) => controlState(doc).set('drafting', false), ORIGIN.serverCommand));
  ctx.log.info({ workshopId, moved }, 'drafts revealed');
  return moved;
}
