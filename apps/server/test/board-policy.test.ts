import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  MAX_NOTE_TEXT_LENGTH,
  MAX_NOTES_PER_PERSON_PER_PHASE,
  boardClusters,
  boardNotes,
  createCluster,
  createNote,
  listNotes,
  noteContent,
  plainText,
  setPlainText,
  updateNote,
  type Phase,
} from '@crossboard/model';
import { connectSynced, waitFor, type TestClient } from './helpers/clients.ts';
import { createWorkshop, joinAsParticipant } from './helpers/server.ts';
import { useServer } from './helpers/use-server.ts';

const server = useServer();

/** Every note text and author a client's board ever showed, to prove a forgery never reached it. */
function recordEverything(client: TestClient) {
  const texts = new Set<string>();
  const authors = new Set<string>();
  const seen = () => {
    for (const m of boardNotes(client.doc).values()) {
      texts.add(plainText(noteContent(m)));
      authors.add(JSON.stringify(m.get('author')));
    }
  };
  seen();
  client.doc.on('afterTransaction', seen);
  return { texts, authors };
}

async function workshopWithPeople() {
  const w = await createWorkshop(server.app);
  const ana = await joinAsParticipant(server.app, w.id, 'Ana', { organisation: 'City of Porto' });
  const ben = await joinAsParticipant(server.app, w.id, 'Ben', { organisation: 'Region of Galicia' });
  const board = `${w.id}/board`;
  const anaBoard = await connectSynced(server.ws, board, ana.token);
  const benBoard = await connectSynced(server.ws, board, ben.token);
  const facilitatorBoard = await connectSynced(server.ws, board, w.facilitatorToken);
  const control = await connectSynced(server.ws, `${w.id}/control`, w.facilitatorToken);
  const serverControl = () => server.app.crossboard.rooms.loaded(`${w.id}/control`)!.document.getMap('state');
  /** The facilitator changes the control room and waits until the server holds it. */
  const setControl = async (key: string, value: unknown) => {
    control.doc.getMap('state').set(key, value);
    await waitFor(() => JSON.stringify(serverControl().get(key)) === JSON.stringify(value), `server has ${key}`);
  };
  return { w, ana, ben, anaBoard, benBoard, facilitatorBoard, setControl };
}

const notesOf = (c: TestClient) => boardNotes(c.doc);
/** As the web app does it: the note and its text in one transaction, so one update. */
const addNote = (c: TestClient, init: Parameters<typeof createNote>[1]) => {
  let id = '';
  c.doc.transact(() => {
    id = createNote(notesOf(c), init);
  });
  return id;
};
const textOf = (c: TestClient, id: string) => {
  const m = notesOf(c).get(id);
  return m ? plainText(noteContent(m)) : undefined;
};

/** Once the writer's later note reaches `c`, everything the server sent before it has arrived. */
async function flush(writer: TestClient, c: TestClient, phase: Phase = 'visions') {
  const id = addNote(writer, { phase, text: 'marker' });
  await waitFor(() => notesOf(c).has(id), 'marker note relayed');
}

describe('authors on the board', () => {
  it('overwrites a forged author for everyone, the writer included, before anyone sees it', async () => {
    const { ana, anaBoard, benBoard, facilitatorBoard } = await workshopWithPeople();
    const benSaw = recordEverything(benBoard);
    const id = addNote(anaBoard, {
      phase: 'painPoints',
      text: 'Pilots are budgeted to fail',
      author: { id: 'someone-else', name: 'Mallory', organisation: 'Nowhere' },
    });
    // Ana is not listed in the directory: her organisation is not shown (author-consent.test.ts).
    const expected = { id: ana.participantId, name: 'Ana', organisation: '' };
    for (const c of [anaBoard, benBoard, facilitatorBoard]) {
      await waitFor(() => JSON.stringify(notesOf(c).get(id)?.get('author')) === JSON.stringify(expected), 'stamped author');
    }
    expect([...benSaw.authors].some((a) => a.includes('Mallory'))).toBe(false);

    // Changing the author afterwards is undone too.
    notesOf(anaBoard).get(id)!.set('author', { id: 'x', name: 'Changed', organisation: 'y' });
    await waitFor(() => (notesOf(anaBoard).get(id)?.get('author') as { name: string } | undefined)?.name === 'Ana', 'author restored');
    await flush(anaBoard, benBoard);
    expect([...benSaw.authors].some((a) => a.includes('Changed'))).toBe(false);
  });

  it('keeps no author on the board in anonymous mode, but the server remembers who wrote it', async () => {
    const { w, ana, anaBoard, benBoard, setControl } = await workshopWithPeople();
    await setControl('anonymous', true);
    const benSaw = recordEverything(benBoard);
    const id = addNote(anaBoard, {
      phase: 'painPoints',
      text: 'No learning loops',
      author: { id: ana.participantId, name: 'Ana', organisation: 'City of Porto' },
    });
    await waitFor(() => notesOf(anaBoard).get(id)?.get('author') === null, 'author removed for the writer');
    await waitFor(() => textOf(benBoard, id) === 'No learning loops', 'note relayed');
    expect(notesOf(benBoard).get(id)!.get('author')).toBeNull();
    expect([...benSaw.authors].some((a) => a.includes('Ana'))).toBe(false);
    const db = server.app.crossboardBackend.sqlite!.db;
    expect(db.prepare('SELECT person FROM note_authors WHERE workshop = ? AND note = ?').get(w.id, id)).toEqual({
      person: ana.participantId,
    });

    // Without an author on the board, the server still knows whose note it is.
    notesOf(benBoard).delete(id);
    await waitFor(() => textOf(benBoard, id) === 'No learning loops', "another participant's anonymous note restored");
    notesOf(anaBoard).delete(id);
    await waitFor(() => !notesOf(benBoard).has(id), 'the writer deletes their anonymous note');
  });
});

describe('locked phases', () => {
  it("refuses a participant's new note on a locked phase, and nobody else ever sees it", async () => {
    const { anaBoard, benBoard, facilitatorBoard, setControl } = await workshopWithPeople();
    await setControl('locks', { painPoints: true });
    const benSaw = recordEverything(benBoard);
    const id = addNote(anaBoard, { phase: 'painPoints', text: 'too late' });
    await waitFor(() => !notesOf(anaBoard).has(id), 'the writer sees the note removed');
    await flush(anaBoard, benBoard);
    expect(benSaw.texts.has('too late')).toBe(false);
    expect(notesOf(benBoard).has(id)).toBe(false);

    // Another phase stays open; the facilitator may still write on the locked one.
    const open = addNote(anaBoard, { phase: 'visions', text: 'still open' });
    await waitFor(() => textOf(benBoard, open) === 'still open', 'open phase accepts notes');
    const byFacilitator = addNote(facilitatorBoard, { phase: 'painPoints', text: 'facilitator summary' });
    await waitFor(() => textOf(benBoard, byFacilitator) === 'facilitator summary', 'facilitator writes a locked phase');
  });

  it("puts back a participant's edits, moves and deletions of notes on a locked phase", async () => {
    const { anaBoard, benBoard, setControl } = await workshopWithPeople();
    const id = addNote(anaBoard, { phase: 'painPoints', text: 'Cultural norms', x: 10, y: 20 });
    await waitFor(() => textOf(benBoard, id) === 'Cultural norms', 'note relayed');
    await setControl('locks', { painPoints: true });
    const benSaw = recordEverything(benBoard);

    anaBoard.doc.transact(() => {
      setPlainText(noteContent(notesOf(anaBoard).get(id)!), 'Rewritten after the lock');
      updateNote(notesOf(anaBoard), id, { x: 999, colour: 'pink' });
    });
    await waitFor(
      () => textOf(anaBoard, id) === 'Cultural norms' && notesOf(anaBoard).get(id)!.get('x') === 10,
      'edit undone for the writer',
    );
    expect(notesOf(anaBoard).get(id)!.get('colour')).toBe('yellow');

    // Typing into the existing paragraph (not replacing it) is put back as well.
    const paragraph = noteContent(notesOf(anaBoard).get(id)!).get(0) as Y.XmlElement;
    (paragraph.get(0) as Y.XmlText).insert(0, 'Sneaky ');
    await waitFor(() => textOf(anaBoard, id) === 'Cultural norms', 'typing undone');

    notesOf(anaBoard).delete(id);
    await waitFor(() => textOf(anaBoard, id) === 'Cultural norms', 'own note restored on a locked phase');

    await flush(anaBoard, benBoard);
    expect(textOf(benBoard, id)).toBe('Cultural norms');
    expect(notesOf(benBoard).get(id)!.get('x')).toBe(10);
    expect([...benSaw.texts].filter((t) => t !== 'marker')).toEqual(['Cultural norms']);
  });
});

describe('clusters on a locked phase', () => {
  it("refuses a participant's new cluster and puts back a renamed or deleted one", async () => {
    const { anaBoard, benBoard, facilitatorBoard, setControl } = await workshopWithPeople();
    let existing = '';
    facilitatorBoard.doc.transact(() => {
      existing = createCluster(boardClusters(facilitatorBoard.doc), { phase: 'painPoints', title: 'Funding' });
    });
    await waitFor(() => boardClusters(anaBoard.doc).has(existing), 'cluster relayed');
    // Participants may cluster, so only the lock refuses what follows.
    await setControl('participantsMayCluster', true);
    await setControl('locks', { painPoints: true });

    let added = '';
    anaBoard.doc.transact(() => {
      added = createCluster(boardClusters(anaBoard.doc), { phase: 'painPoints', title: 'Mine' });
      boardClusters(anaBoard.doc).get(existing)!.set('title', 'Renamed');
    });
    await waitFor(
      () => !boardClusters(anaBoard.doc).has(added) && boardClusters(anaBoard.doc).get(existing)?.get('title') === 'Funding',
      'cluster changes undone for the writer',
    );
    boardClusters(anaBoard.doc).delete(existing);
    await waitFor(() => boardClusters(anaBoard.doc).get(existing)?.get('title') === 'Funding', 'deleted cluster restored');
    await flush(anaBoard, benBoard);
    expect([...boardClusters(benBoard.doc).values()].map((c) => c.get('title'))).toEqual(['Funding']);
  });
});

describe('deleting notes', () => {
  it("restores another participant's note a participant deleted; owners and the facilitator may delete", async () => {
    const { anaBoard, benBoard, facilitatorBoard } = await workshopWithPeople();
    const anas = addNote(anaBoard, { phase: 'painPoints', text: "Ana's note" });
    const anasOther = addNote(anaBoard, { phase: 'painPoints', text: "Ana's second note" });
    await waitFor(() => notesOf(benBoard).has(anas) && notesOf(benBoard).has(anasOther), 'notes relayed');

    notesOf(benBoard).delete(anas);
    await waitFor(() => textOf(benBoard, anas) === "Ana's note", 'deleted note restored for the deleter');
    await flush(benBoard, anaBoard);
    expect(textOf(anaBoard, anas)).toBe("Ana's note");
    expect(textOf(facilitatorBoard, anas)).toBe("Ana's note");

    notesOf(anaBoard).delete(anas);
    await waitFor(() => !notesOf(benBoard).has(anas), 'owner deletes own note');
    notesOf(facilitatorBoard).delete(anasOther);
    await waitFor(() => !notesOf(anaBoard).has(anasOther), 'facilitator removes a note');
  });
});

describe('size limits', () => {
  it(`keeps a note of exactly ${MAX_NOTE_TEXT_LENGTH} characters and cuts one past it`, async () => {
    const { anaBoard, benBoard } = await workshopWithPeople();
    const atLimit = addNote(anaBoard, { phase: 'painPoints', text: 'a'.repeat(MAX_NOTE_TEXT_LENGTH) });
    const overLimit = addNote(anaBoard, { phase: 'painPoints', text: 'b'.repeat(MAX_NOTE_TEXT_LENGTH + 1) });
    await waitFor(() => textOf(benBoard, atLimit)?.length === MAX_NOTE_TEXT_LENGTH, 'note at the limit relayed');
    await waitFor(() => textOf(anaBoard, overLimit)?.length === MAX_NOTE_TEXT_LENGTH, 'long note cut for the writer');
    await waitFor(() => textOf(benBoard, overLimit) !== undefined, 'long note relayed');
    expect(textOf(benBoard, overLimit)).toBe('b'.repeat(MAX_NOTE_TEXT_LENGTH));

    // Growing an existing note past the limit is refused: it keeps its previous text.
    const p = noteContent(notesOf(anaBoard).get(atLimit)!).get(0) as Y.XmlElement;
    (p.get(0) as Y.XmlText).insert(0, 'c');
    await waitFor(() => textOf(anaBoard, atLimit) === 'a'.repeat(MAX_NOTE_TEXT_LENGTH), 'edit past the limit undone');
    const empty = addNote(anaBoard, { phase: 'painPoints' });
    await waitFor(() => notesOf(benBoard).has(empty), 'empty note relayed');
    setPlainText(noteContent(notesOf(anaBoard).get(empty)!), 'd'.repeat(MAX_NOTE_TEXT_LENGTH + 1));
    await waitFor(() => textOf(anaBoard, empty) === '', 'a paste past the limit is undone');
    await flush(anaBoard, benBoard);
    expect(textOf(benBoard, empty)).toBe('');
  });

  it(`accepts ${MAX_NOTES_PER_PERSON_PER_PHASE} notes per person per phase and removes the next one`, async () => {
    const { ana, anaBoard, benBoard } = await workshopWithPeople();
    anaBoard.doc.transact(() => {
      for (let i = 0; i < MAX_NOTES_PER_PERSON_PER_PHASE - 1; i++) addNote(anaBoard, { phase: 'painPoints', text: `n${i}` });
    });
    const last = addNote(anaBoard, { phase: 'painPoints', text: 'the last allowed' });
    await waitFor(() => textOf(benBoard, last) === 'the last allowed', 'note at the limit relayed');
    const mine = () => listNotes(benBoard.doc, 'painPoints').filter((n) => n.author?.id === ana.participantId).length;
    expect(mine()).toBe(MAX_NOTES_PER_PERSON_PER_PHASE);

    const extra = addNote(anaBoard, { phase: 'painPoints', text: 'one too many' });
    await waitFor(() => !notesOf(anaBoard).has(extra), 'the note past the limit is removed for the writer');
    // Still free on another phase, and for another person on this one.
    const other = addNote(anaBoard, { phase: 'visions', text: 'another phase' });
    await waitFor(() => notesOf(benBoard).has(other), 'other phase accepts');
    expect(notesOf(benBoard).has(extra)).toBe(false);
    expect(mine()).toBe(MAX_NOTES_PER_PERSON_PER_PHASE);
    const bens = addNote(benBoard, { phase: 'painPoints', text: "Ben's note" });
    await waitFor(() => notesOf(anaBoard).has(bens), "another person's note accepted");
  });
});
