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
import { authorStamps } from './author-stamp.ts';
import { HttpError } from '../errors.ts';
import type { PersonRecord } from '../storage/storage.ts';
import { documentTooLarge } from '../sync/document-limit.ts';
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

/** The drafts as they go onto the board: with their authors (none shown when anonymous), arranged. */
function revealOnto(
  doc: Y.Doc,
  drafts: { participantId: string; doc: Y.Doc }[],
  authors: ReadonlyMap<string, Author>,
  anonymous: boolean,
): { ids: string[]; authored: [string, string, string][] } {
  const ids = revealDrafts(doc, drafts, authors, { origin: ORIGIN.serverCommand, removeFromDrafts: false });
  arrangeRevealedNotes(doc, ids);
  const notes = boardNotes(doc);
  const authored: [string, string, string][] = [];
  for (const id of ids) {
    const author = notes.get(id)?.get('author') as Author | null | undefined;
    if (author) authored.push([id, author.id, String(notes.get(id)!.get('phase'))]);
    if (anonymous) notes.get(id)?.set('author', null);
  }
  return { ids, authored };
}

/**
 * Refuses (413) a reveal that would take the board past the document limit, before anything
 * is written: the reveal is tried on a copy of the board and the update it makes measured.
 */
function assertRevealFits(ctx: ServerContext, board: Room, reveal: (doc: Y.Doc) => void): void {
  const copy = new Y.Doc();
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(board.document));
    const before = Y.encodeStateVector(copy);
    copy.transact(() => reveal(copy));
    const bytes = board.storedBytes + Y.encodeStateAsUpdate(copy, before).byteLength;
    const limit = ctx.limits.maxDocumentBytes;
    if (bytes > limit) {
      throw new HttpError(
        'DOCUMENT_TOO_LARGE',
        `${documentTooLarge(bytes, limit, 'Revealing the drafts', 'board')} Delete some drafts or notes first.`,
      );
    }
  } finally {
    copy.destroy();
  }
}

/**
 * Every participant's drafts appear on the board in one transaction (a version is saved
 * first), the drafts rooms are emptied, and drafting switches off. Returns how many moved.
 * A reveal the board cannot hold is refused with 413 and changes nothing, the version included.
 */
export async function reveal(ctx: ServerContext, store: FacilitationStore, workshopId: string): Promise<number> {
  const people = await participants(ctx, workshopId);
  // Stamped as the board stamps a new note: the organisation only where its person shows it.
  const authors = await authorStamps(ctx, workshopId, people);
  const control = roomName({ workshopId, kind: 'control' });
  const anonymous = await ctx.rooms.use(control, (room) => controlState(room.document).get('anonymous') === true);
  const names = [roomName({ workshopId, kind: 'board' }), ...people.map((p) => draftsOf(workshopId, p.id))];
  const draftDocs = (drafts: Room[]) => drafts.map((room, i) => ({ participantId: people[i]!.id, doc: room.document }));
  await withRooms(ctx, names, async ([board, ...drafts]) => {
    await Promise.all([board!, ...drafts].map((room) => room.settled()));
    assertRevealFits(ctx, board!, (doc) => revealOnto(doc, draftDocs(drafts), authors, anonymous));
  });
  await takeVersion(ctx, store, workshopId, 'reveal');
  const moved = await withRooms(ctx, names, async ([board, ...drafts]) => {
    // Drafts as stored: a draft still being written to storage is not revealed half-way.
    await Promise.all(drafts.map((room) => room.settled()));
    let revealed: ReturnType<typeof revealOnto> = { ids: [], authored: [] };
    await board!.change((doc) => {
      revealed = revealOnto(doc, draftDocs(drafts), authors, anonymous);
    }, ORIGIN.serverCommand);
    for (const [id, personId, phase] of revealed.authored) await store.setNoteAuthor(workshopId, id, personId, phase);
    // Each drafts room through its own change, so the removal is stored and reaches its owner.
    const movedIds = new Set(revealed.ids);
    for (const room of drafts) {
      const gone = [...draftNotes(room.document).keys()].filter((id) => movedIds.has(id));
      if (gone.length > 0) await room.change((doc) => gone.forEach((id) => draftNotes(doc).delete(id)), ORIGIN.serverCommand);
    }
    return revealed.ids.length;
  });
  await ctx.rooms.use(control, (room) => room.change((doc) => controlState(doc).set('drafting', false), ORIGIN.serverCommand));
  ctx.log.info({ workshopId, moved }, 'drafts revealed');
  return moved;
}
