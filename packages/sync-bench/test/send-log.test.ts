import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardNotes, createNote, updateNote } from '@crossboard/model';
import { SendLog } from '../src/send-log.ts';

/** A writer as the bench drives it: logs the clock it is about to use, then moves its note. */
function writer(log: SendLog) {
  const doc = new Y.Doc();
  const id = createNote(boardNotes(doc), { phase: 'painPoints', text: 'x' });
  const sent: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => sent.push(u));
  return {
    doc,
    move(at: number) {
      log.record(doc.clientID, Y.getState(doc.store, doc.clientID), at, 9);
      updateNote(boardNotes(doc), id, { x: at });
      return sent.at(-1)!;
    },
  };
}

describe('matching relayed updates to their send time', () => {
  it('finds the send time of a writer update as the server relays it', () => {
    const log = new SendLog();
    const a = writer(log);
    expect(log.sendTimes(a.move(100))).toEqual([100]);
    expect(log.sendTimes(a.move(250))).toEqual([250]);
    expect(log.expected).toBe(18);
  });

  it('finds every send inside an update a server merged from several writers', () => {
    const log = new SendLog();
    const a = writer(log);
    const b = writer(log);
    const merged = Y.mergeUpdates([a.move(1), b.move(2), a.move(3)]);
    expect(log.sendTimes(merged).sort()).toEqual([1, 2, 3]);
  });

  it('ignores the writer’s own echo and updates nobody logged', () => {
    const log = new SendLog();
    const a = writer(log);
    const update = a.move(5);
    expect(log.sendTimes(update, a.doc.clientID)).toEqual([]);
    const stranger = new Y.Doc();
    stranger.getMap('m').set('k', 1);
    expect(log.sendTimes(Y.encodeStateAsUpdate(stranger))).toEqual([]);
  });
});
