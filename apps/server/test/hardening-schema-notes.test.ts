import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  BOARD_EXTENT,
  MAX_NOTE_THEME_LENGTH,
  MAX_NOTES_PER_PERSON_PER_PHASE,
  boardNotes,
  createNote,
  listNotes,
  noteContent,
  plainText,
  setPlainText,
} from '@crossboard/model';
import { connectSynced, waitFor } from './helpers/clients.ts';
import { createWorkshop, joinAsParticipant } from './helpers/server.ts';
import { useServer } from './helpers/use-server.ts';

/**
 * Issue 11, item 5 (and 6's "any top-level data", 12's phase moves): a participant writing
 * with a stock Yjs client, outside anything the web app would send. Each of these passed
 * through on the code before the room schema (the board rules only knew authors, deletes,
 * locks, clusters and text length).
 */

const server = useServer();

const FORMATS = ['md', 'csv', 'json', 'docx'] as const;

async function boardOfTwo() {
  const w = await createWorkshop(server.app);
  const ana = await joinAsParticipant(server.app, w.id, 'Ana');
  const ben = await joinAsParticipant(server.app, w.id, 'Ben');
  const room = `${w.id}/board`;
  const anaBoard = await connectSynced(server.ws, room, ana.token);
  const benBoard = await connectSynced(server.ws, room, ben.token);
  const serverDoc = () => server.app.crossboard.rooms.loaded(room)!.document;
  let id = '';
  anaBoard.doc.transact(() => {
    id = createNote(boardNotes(anaBoard.doc), { phase: 'painPoints', text: 'Border queues at Tui', x: 10, y: 20 });
  });
  await waitFor(() => boardNotes(benBoard.doc).has(id), 'Ben sees Ana’s note');
  /** Ben's hostile write, then a later marker of Ben's that proves the server has handled it. */
  const benWrites = async (write: (doc: Y.Doc) => void) => {
    benBoard.doc.transact(() => write(benBoard.doc));
    const marker = createNote(boardNotes(benBoard.doc), { phase: 'visions', text: `marker ${Math.random()}` });
    await waitFor(() => boardNotes(serverDoc()).has(marker), 'the server has the marker');
    boardNotes(benBoard.doc).delete(marker);
  };
  const exportAs = (format: string) =>
    server.app.inject({
      method: 'GET',
      url: `/api/workshops/${w.id}/export?format=${format}`,
      headers: { authorization: `Bearer ${w.facilitatorToken}` },
    });
  return { w, ana, ben, anaBoard, benBoard, serverDoc, id, benWrites, exportAs };
}

const anaNoteListed = (doc: Y.Doc, id: string) => listNotes(doc).find((n) => n.id === id);
const textOf = (doc: Y.Doc, id: string) => plainText(noteContent(boardNotes(doc).get(id)!));

describe("another participant's note", () => {
  it('keeps its phase, id, colour and theme, and is still listed for everyone', async () => {
    const { anaBoard, serverDoc, id, benWrites } = await boardOfTwo();
    await benWrites((doc) => {
      const note = boardNotes(doc).get(id)!;
      note.set('phase', 'bogus');
      note.delete('id');
      note.set('colour', 'black');
      note.set('theme', 'x'.repeat(500_000));
    });
    for (const doc of [serverDoc(), anaBoard.doc]) {
      await waitFor(() => anaNoteListed(doc, id)?.phase === 'painPoints', 'the note is listed in its phase');
      const note = boardNotes(doc).get(id)!;
      expect(note.get('id')).toBe(id);
      expect(note.get('colour')).toBe('yellow');
      expect(note.get('theme')).toBeNull();
    }
  });

  it('cannot be blanked, but its text can still be edited', async () => {
    const { anaBoard, serverDoc, id, benWrites } = await boardOfTwo();
    await benWrites((doc) => setPlainText(noteContent(boardNotes(doc).get(id)!), ''));
    expect(textOf(serverDoc(), id)).toBe('Border queues at Tui');
    await waitFor(() => textOf(anaBoard.doc, id) === 'Border queues at Tui', 'Ana keeps her text');
    await benWrites((doc) => setPlainText(noteContent(boardNotes(doc).get(id)!), 'Border queues at Tui and Valença'));
    await waitFor(() => textOf(anaBoard.doc, id) === 'Border queues at Tui and Valença', 'an edit of the words reaches Ana');
  });

  it('cannot be copied under another key or id, and every export still answers 200', async () => {
    const { serverDoc, id, benWrites, exportAs } = await boardOfTwo();
    await benWrites((doc) => {
      const notes = boardNotes(doc);
      // A note stored under a key different from its id (every export answered 500).
      const copy = new Y.Map<unknown>();
      copy.set('id', id);
      copy.set('phase', 'painPoints');
      copy.set('content', new Y.XmlFragment());
      notes.set('stolen', copy);
      // A key that is no safe id.
      const proto = new Y.Map<unknown>();
      proto.set('id', '__proto__');
      proto.set('phase', 'painPoints');
      notes.set('__proto__', proto);
    });
    const notes = boardNotes(serverDoc());
    expect(notes.has('stolen')).toBe(false);
    expect(notes.has('__proto__')).toBe(false);
    expect(listNotes(serverDoc()).filter((n) => n.id === id)).toHaveLength(1);
    for (const format of FORMATS) expect((await exportAs(format)).statusCode, format).toBe(200);
  });

  it('may still be moved, with its position clamped to the board', async () => {
    const { anaBoard, serverDoc, id, benWrites } = await boardOfTwo();
    await benWrites((doc) => {
      const note = boardNotes(doc).get(id)!;
      note.set('x', 1e300);
      note.set('y', 42);
    });
    expect(boardNotes(serverDoc()).get(id)!.get('x')).toBe(BOARD_EXTENT);
    await waitFor(() => boardNotes(anaBoard.doc).get(id)!.get('y') === 42, 'the move reaches Ana');
  });
});

describe('what a participant may write at all', () => {
  it('drops top-level data that is no part of a board, and caps fields of their own notes', async () => {
    const { serverDoc, benWrites } = await boardOfTwo();
    let own = '';
    await benWrites((doc) => {
      doc.getMap('junk').set('blob', 'x'.repeat(200_000));
      doc.getArray('more').push(['y'.repeat(200_000)]);
      own = createNote(boardNotes(doc), { phase: 'painPoints', text: 'Mine' });
      boardNotes(doc).get(own)!.set('theme', 't'.repeat(300_000));
      boardNotes(doc).get(own)!.set('extra', 'z'.repeat(100_000));
    });
    const doc = serverDoc();
    expect(doc.getMap('junk').size).toBe(0);
    expect(doc.getArray('more').length).toBe(0);
    const note = boardNotes(doc).get(own)!;
    expect((note.get('theme') as string).length).toBe(MAX_NOTE_THEME_LENGTH);
    expect(note.has('extra')).toBe(false);
    expect(Y.encodeStateAsUpdate(doc).byteLength).toBeLessThan(100_000);
  });

  it(`counts ${MAX_NOTES_PER_PERSON_PER_PHASE} notes per phase also when notes move between phases`, async () => {
    const { benBoard, serverDoc, ben } = await boardOfTwo();
    const ids: string[] = [];
    benBoard.doc.transact(() => {
      for (let i = 0; i < MAX_NOTES_PER_PERSON_PER_PHASE; i++)
        ids.push(createNote(boardNotes(benBoard.doc), { phase: 'painPoints', text: `p${i}` }));
    });
    const mine = (phase: string) => listNotes(serverDoc()).filter((n) => n.author?.id === ben.participantId && n.phase === phase).length;
    await waitFor(() => mine('painPoints') === MAX_NOTES_PER_PERSON_PER_PHASE, 'all painPoints notes stored');
    // Written in visions, then moved to painPoints: the move past the limit is put back.
    let moved = '';
    benBoard.doc.transact(() => {
      moved = createNote(boardNotes(benBoard.doc), { phase: 'visions', text: 'to move' });
    });
    await waitFor(() => boardNotes(serverDoc()).has(moved), 'the visions note is stored');
    boardNotes(benBoard.doc).get(moved)!.set('phase', 'painPoints');
    await waitFor(() => boardNotes(benBoard.doc).get(moved)?.get('phase') === 'visions', 'the move is put back for Ben');
    expect(mine('painPoints')).toBe(MAX_NOTES_PER_PERSON_PER_PHASE);
    // Below the limit a move is allowed.
    boardNotes(benBoard.doc).delete(ids[0]!);
    await waitFor(() => mine('painPoints') === MAX_NOTES_PER_PERSON_PER_PHASE - 1, 'one deleted');
    boardNotes(benBoard.doc).get(moved)!.set('phase', 'painPoints');
    await waitFor(() => mine('painPoints') === MAX_NOTES_PER_PERSON_PER_PHASE, 'the move is kept');
  });
});
