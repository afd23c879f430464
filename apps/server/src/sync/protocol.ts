import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** The y-websocket wire format, so a stock WebsocketProvider can talk to us. */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;
export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

export interface AwarenessEntry {
  clientID: number;
  clock: number;
  /** null when the client left (y-protocols encodes that as the JSON text "null"). */
  state: unknown;
  /** Bytes of the state's JSON text as sent. */
  bytes: number;
}

export type ClientMessage =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-step2'; update: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array; entries: AwarenessEntry[] }
  | { kind: 'query-awareness' };

export type DecodeResult = { ok: true; message: ClientMessage } | { ok: false; problem: 'malformed' | 'unknown-type'; detail: string };

class Malformed extends Error {}
class UnknownType extends Error {}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A bounds-checked reader: lib0's decoder trusts its input, we must not. */
class Reader {
  pos = 0;
  constructor(readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.pos === this.bytes.length;
  }

  varUint(): number {
    let value = 0;
    let mult = 1;
    for (let i = 0; i < 8; i++) {
      const b = this.bytes[this.pos++];
      if (b === undefined) throw new Malformed('truncated integer');
      value += (b & 0x7f) * mult;
      if (b < 0x80) return value;
      mult *= 128;
    }
    throw new Malformed('integer too long');
  }

  varBytes(): Uint8Array {
    const len = this.varUint();
    if (len > this.bytes.length - this.pos) throw new Malformed('truncated byte array');
    const out = this.bytes.subarray(this.pos, this.pos + len);
    this.pos += len;
    return out;
  }

  varString(): string {
    try {
      return utf8.decode(this.varBytes());
    } catch (e) {
      if (e instanceof Malformed) throw e;
      throw new Malformed('invalid UTF-8');
    }
  }

  end(): void {
    if (!this.done) throw new Malformed('trailing bytes');
  }
}

function checkUpdate(update: Uint8Array): void {
  try {
    // Parses every struct and the delete set without touching a document.
    Y.decodeUpdate(update);
  } catch {
    throw new Malformed('undecodable Yjs update');
  }
}

function readAwareness(bytes: Uint8Array): AwarenessEntry[] {
  const r = new Reader(bytes);
  const count = r.varUint();
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientID = r.varUint();
    const clock = r.varUint();
    const json = r.varString();
    const bytes = Buffer.byteLength(json);
    let state: unknown;
    try {
      state = JSON.parse(json);
    } catch {
      throw new Malformed('awareness state is not JSON');
    }
    entries.push({ clientID, clock, state, bytes });
  }
  r.end();
  return entries;
}

function read(bytes: Uint8Array): ClientMessage {
  const r = new Reader(bytes);
  const type = r.varUint();
  let message: ClientMessage;
  switch (type) {
    case MESSAGE_SYNC: {
      const sub = r.varUint();
      if (sub === SYNC_STEP1) {
        const stateVector = r.varBytes();
        try {
          Y.decodeStateVector(stateVector);
        } catch {
          throw new Malformed('undecodable state vector');
        }
        message = { kind: 'sync-step1', stateVector };
      } else if (sub === SYNC_STEP2 || sub === SYNC_UPDATE) {
        const update = r.varBytes();
        checkUpdate(update);
        message = { kind: sub === SYNC_STEP2 ? 'sync-step2' : 'update', update };
      } else {
        throw new UnknownType(`unknown sync message ${sub}`);
      }
      break;
    }
    case MESSAGE_AWARENESS: {
      const update = r.varBytes();
      message = { kind: 'awareness', update, entries: readAwareness(update) };
      break;
    }
    case MESSAGE_QUERY_AWARENESS:
      message = { kind: 'query-awareness' };
      break;
    default:
      throw new UnknownType(`unknown message type ${type}`);
  }
  // One message per frame: anything after it is garbage we must not guess about.
  r.end();
  return message;
}

/** Validates a whole frame before any of it is acted on. */
export function decodeClientMessage(bytes: Uint8Array): DecodeResult {
  try {
    return { ok: true, message: read(bytes) };
  } catch (e) {
    if (e instanceof UnknownType) return { ok: false, problem: 'unknown-type', detail: e.message };
    if (e instanceof Malformed) return { ok: false, problem: 'malformed', detail: e.message };
    return { ok: false, problem: 'malformed', detail: String(e) };
  }
}

function frame(type: number, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  write(e);
  return encoding.toUint8Array(e);
}

export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return frame(MESSAGE_SYNC, (e) => {
    encoding.writeVarUint(e, SYNC_STEP1);
    encoding.writeVarUint8Array(e, stateVector);
  });
}

export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return frame(MESSAGE_SYNC, (e) => {
    encoding.writeVarUint(e, SYNC_STEP2);
    encoding.writeVarUint8Array(e, update);
  });
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  return frame(MESSAGE_SYNC, (e) => {
    encoding.writeVarUint(e, SYNC_UPDATE);
    encoding.writeVarUint8Array(e, update);
  });
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  return frame(MESSAGE_AWARENESS, (e) => encoding.writeVarUint8Array(e, update));
}

/** True when a state vector names no client: the joiner has nothing yet. */
export function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0;
}
