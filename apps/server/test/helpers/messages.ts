import * as Y from 'yjs';
import { MAX_NOTE_TEXT_LENGTH, boardNotes, createNote, type Author } from '@crossboard/model';
import { encodeUpdate } from '../../src/sync/protocol.ts';

/** A small seeded generator (mulberry32), so a failing fuzz case can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomBytes(random: () => number, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => Math.floor(random() * 256));
}

/**
 * A valid y-websocket update message of exactly `frameBytes` bytes holding notes the board's
 * schema accepts from `author`'s connection: texts of at most MAX_NOTE_TEXT_LENGTH, the last
 * one sized to fit. Returns each note's id and text.
 */
export function noteUpdateMessageOfSize(frameBytes: number, author: Author): { message: Uint8Array; texts: Map<string, string> } {
  // One client id for every attempt: its varint is written with every item, so a random one
  // per document would change the size by kilobytes from one attempt to the next.
  const clientID = 1 + Math.floor(Math.random() * 0x7ffffff0);
  /** `count` notes of `length` characters, then one of `last`. */
  const build = (count: number, length: number, last: number) => {
    const doc = new Y.Doc();
    doc.clientID = clientID;
    const texts = new Map<string, string>();
    const notes = boardNotes(doc);
    doc.transact(() => {
      for (let i = 0; i <= count; i++) {
        const text = (i % 10).toString().repeat(i < count ? length : last);
        texts.set(createNote(notes, { id: `big${i}`, phase: 'painPoints', text, author, now: 1 }), text);
      }
    });
    return { message: encodeUpdate(Y.encodeStateAsUpdate(doc)), texts };
  };
  const size = (count: number, length: number, last: number) => build(count, length, last).message.byteLength;
  // Enough full-length notes to pass the size, then each shortened to land just under it; past
  // a few hundred characters a frame grows by one byte per character, so the last note's
  // length (between MID and MID + count) makes up the rest.
  const MID = MAX_NOTE_TEXT_LENGTH / 2;
  const count = Math.ceil(frameBytes / (size(1, MAX_NOTE_TEXT_LENGTH, 1) - size(0, MAX_NOTE_TEXT_LENGTH, 1)));
  const atMid = size(count, MID, MID);
  const perCharacter = size(count, MID + 1, MID) - atMid;
  const length = MID + Math.floor((frameBytes - atMid) / perCharacter);
  const guess = MID + frameBytes - size(count, length, MID);
  for (let last = guess - 4; last <= guess + 4; last++) {
    if (length > MAX_NOTE_TEXT_LENGTH || last < 1 || last > MAX_NOTE_TEXT_LENGTH) continue;
    const built = build(count, length, last);
    if (built.message.byteLength === frameBytes) return built;
  }
  throw new Error(`could not build a ${frameBytes}-byte update message`);
}

/** An update message with one note (`id`, `text`) as `author` would write it. */
export function smallNoteMessage(id: string, text: string, author: Author | null = null): Uint8Array {
  const doc = new Y.Doc();
  createNote(boardNotes(doc), { id, phase: 'painPoints', text, author });
  return encodeUpdate(Y.encodeStateAsUpdate(doc));
}
