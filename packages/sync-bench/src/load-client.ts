import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import * as Y from 'yjs';
import {
  decodeIncoming,
  encodeAwareness,
  encodeHocuspocusAuth,
  encodeSync,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
  type Dialect,
} from './protocol.ts';

/** Where a client connects: one room of one server, with the token that room wants. */
export interface Endpoint {
  dialect: Dialect;
  /** Base URL: a provider appends `/<room>` (y-websocket) or sends the room name (Hocuspocus). */
  base: string;
  room: string;
  token: string;
}

export function socketUrl(ep: Endpoint): string {
  if (ep.dialect === 'hocuspocus') return ep.base;
  const query = ep.token ? `?token=${encodeURIComponent(ep.token)}` : '';
  return `${ep.base}/${ep.room}${query}`;
}

const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc());

/**
 * A protocol-level client: handshake, then raw updates in and out. It keeps no document,
 * so a thousand of them fit beside the server on one core.
 */
export class LoadClient {
  readonly ws: WebSocket;
  readonly startedAt = performance.now();
  /** When the upgrade was answered, to split connect+sync into handshake and sync. */
  openedAt: number | null = null;
  syncedAt: number | null = null;
  syncBytes = 0;
  closedAt: number | null = null;
  closeCode: number | null = null;
  closeReason = '';
  /** Called for every document update received after the initial sync. */
  onUpdate: ((update: Uint8Array, at: number) => void) | null = null;
  awarenessReceived = 0;
  /** The Yjs clientID this client writes as, so it can tell its own echo from others' updates. */
  ownClientId: number | null = null;
  private awarenessClock = 0;
  readonly synced: Promise<void>;
  readonly closed: Promise<void>;

  /** `zeroMask`: frames go out with an all-zero mask, which ws skips applying (no copy of a huge payload). */
  constructor(
    readonly ep: Endpoint,
    options: { sendStep1?: boolean; maxPayload?: number; zeroMask?: boolean } = {},
  ) {
    // No compression offer: none of the servers compresses, and the handshake stays lean.
    this.ws = new WebSocket(socketUrl(ep), {
      maxPayload: options.maxPayload ?? 256 * 1024 * 1024,
      perMessageDeflate: false,
      ...(options.zeroMask ? { generateMask: (mask: Buffer) => void mask.fill(0) } : {}),
    });
    let resolveSynced!: () => void;
    let rejectSynced!: (e: Error) => void;
    this.synced = new Promise((res, rej) => {
      resolveSynced = res;
      rejectSynced = rej;
    });
    this.synced.catch(() => {});
    this.closed = new Promise((res) => {
      this.ws.on('close', (code, reason) => {
        this.closedAt = performance.now();
        this.closeCode = code;
        this.closeReason = reason.toString();
        rejectSynced(new Error(`closed ${code} ${this.closeReason} before sync`));
        res();
      });
    });
    this.ws.on('error', () => {});
    this.ws.on('open', () => {
      this.openedAt = performance.now();
      if (ep.dialect === 'hocuspocus') this.ws.send(encodeHocuspocusAuth(ep.room, ep.token));
      if (options.sendStep1 !== false) this.ws.send(encodeSync(ep.dialect, ep.room, SYNC_STEP1, EMPTY_STATE_VECTOR));
    });
    this.ws.on('message', (data: Buffer, isBinary: boolean) => {
      const at = performance.now();
      if (!isBinary) return;
      let msg;
      try {
        msg = decodeIncoming(ep.dialect, data);
      } catch {
        return;
      }
      if (msg.kind === 'awareness') {
        this.awarenessReceived++;
      } else if (msg.kind === 'sync') {
        if (msg.step === SYNC_STEP2 && this.syncedAt === null) {
          this.syncedAt = at;
          this.syncBytes = msg.payload.length;
          resolveSynced();
        } else if (msg.step === SYNC_UPDATE || msg.step === SYNC_STEP2) {
          this.onUpdate?.(msg.payload, at);
        }
      }
    });
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  sendUpdate(update: Uint8Array): void {
    if (this.isOpen) this.ws.send(encodeSync(this.ep.dialect, this.ep.room, SYNC_UPDATE, update));
  }

  sendAwareness(clientId: number, state: unknown): void {
    if (this.isOpen) this.ws.send(encodeAwareness(this.ep.dialect, this.ep.room, clientId, ++this.awarenessClock, state));
  }

  close(): void {
    if (this.ws.readyState === WebSocket.CONNECTING || this.ws.readyState === WebSocket.OPEN) this.ws.terminate();
  }
}
