import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

/**
 * The y-websocket protocol as our load clients speak it, written by hand so a client costs
 * a socket and a few bytes rather than a Y.Doc and a provider. Hocuspocus speaks the same
 * messages with the document name in front of each and an auth message first.
 */
export const MSG_SYNC = 0;
export const MSG_AWARENESS = 1;
export const MSG_AUTH = 2;
/** Hocuspocus only: a sync message that must not be answered with another step 1. */
const MSG_SYNC_REPLY = 4;
export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

export type Dialect = 'y-websocket' | 'hocuspocus';

export type Incoming = { kind: 'sync'; step: number; payload: Uint8Array } | { kind: 'awareness' } | { kind: 'other'; type: number };

function start(dialect: Dialect, room: string, type: number): encoding.Encoder {
  const enc = encoding.createEncoder();
  if (dialect === 'hocuspocus') encoding.writeVarString(enc, room);
  encoding.writeVarUint(enc, type);
  return enc;
}

export function encodeSync(dialect: Dialect, room: string, step: number, payload: Uint8Array): Uint8Array {
  const enc = start(dialect, room, MSG_SYNC);
  encoding.writeVarUint(enc, step);
  encoding.writeVarUint8Array(enc, payload);
  return encoding.toUint8Array(enc);
}

/** One client's awareness entry, encoded as y-protocols' awareness update. */
export function encodeAwareness(dialect: Dialect, room: string, clientId: number, clock: number, state: unknown): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  const enc = start(dialect, room, MSG_AWARENESS);
  encoding.writeVarUint8Array(enc, encoding.toUint8Array(inner));
  return encoding.toUint8Array(enc);
}

/** Hocuspocus refuses everything for a document until this arrives (the token may be empty). */
export function encodeHocuspocusAuth(room: string, token: string): Uint8Array {
  const enc = start('hocuspocus', room, MSG_AUTH);
  encoding.writeVarUint(enc, 0);
  encoding.writeVarString(enc, token);
  return encoding.toUint8Array(enc);
}

/**
 * A frame with a well-formed header and a body of 0xFF bytes: every server must read it
 * whole before it can judge it, and Yjs rejects it on the first varint, so a server that
 * accepts it does not fan 50 MB out to everyone and take the load generator down with it.
 */
export function encodeOversizedUpdate(dialect: Dialect, room: string, bytes: number): Uint8Array {
  const enc = start(dialect, room, MSG_SYNC);
  encoding.writeVarUint(enc, SYNC_UPDATE);
  const head = encoding.toUint8Array(enc);
  const lenEnc = encoding.createEncoder();
  encoding.writeVarUint(lenEnc, bytes);
  const len = encoding.toUint8Array(lenEnc);
  const out = new Uint8Array(head.length + len.length + bytes).fill(0xff);
  out.set(head, 0);
  out.set(len, head.length);
  return out;
}

export function decodeIncoming(dialect: Dialect, data: Uint8Array): Incoming {
  const dec = decoding.createDecoder(data);
  if (dialect === 'hocuspocus') decoding.readVarString(dec);
  const type = decoding.readVarUint(dec);
  if (type === MSG_SYNC || (dialect === 'hocuspocus' && type === MSG_SYNC_REPLY)) {
    const step = decoding.readVarUint(dec);
    return { kind: 'sync', step, payload: decoding.readVarUint8Array(dec) };
  }
  if (type === MSG_AWARENESS) return { kind: 'awareness' };
  return { kind: 'other', type };
}
