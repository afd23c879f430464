import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import {
  decodeIncoming,
  encodeAwareness,
  encodeOversizedUpdate,
  encodeSync,
  MSG_AWARENESS,
  MSG_SYNC,
  SYNC_UPDATE,
} from '../src/protocol.ts';

describe('hand-encoded messages read by the stock y-protocols decoders', () => {
  it('an update message applies to a document as y-websocket would apply it', () => {
    const source = new Y.Doc();
    source.getMap('notes').set('n1', 'hello');
    const message = encodeSync('y-websocket', 'room', SYNC_UPDATE, Y.encodeStateAsUpdate(source));
    const dec = decoding.createDecoder(message);
    expect(decoding.readVarUint(dec)).toBe(MSG_SYNC);
    const target = new Y.Doc();
    syncProtocol.readSyncMessage(dec, encoding.createEncoder(), target, null);
    expect(target.getMap('notes').get('n1')).toBe('hello');
  });

  it('a presence message sets that client’s awareness state', () => {
    const message = encodeAwareness('y-websocket', 'room', 42, 3, { cursor: { x: 1, y: 2 } });
    const dec = decoding.createDecoder(message);
    expect(decoding.readVarUint(dec)).toBe(MSG_AWARENESS);
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(dec), null);
    expect(awareness.getStates().get(42)).toEqual({ cursor: { x: 1, y: 2 } });
  });

  it('Hocuspocus messages carry the document name first, and decode back', () => {
    const message = encodeSync('hocuspocus', 'ws1/board', SYNC_UPDATE, new Uint8Array([0, 0]));
    expect(decoding.readVarString(decoding.createDecoder(message))).toBe('ws1/board');
    expect(decodeIncoming('hocuspocus', message)).toEqual({ kind: 'sync', step: SYNC_UPDATE, payload: new Uint8Array([0, 0]) });
  });

  it('the oversized message has the requested size and a body Yjs refuses', () => {
    const message = encodeOversizedUpdate('y-websocket', 'room', 1_000);
    const incoming = decodeIncoming('y-websocket', message);
    expect(incoming.kind === 'sync' && incoming.payload.length).toBe(1_000);
    expect(() => Y.applyUpdate(new Y.Doc(), (incoming as { payload: Uint8Array }).payload)).toThrow();
  });
});
