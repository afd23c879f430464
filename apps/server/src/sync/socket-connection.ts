import type { Duplex } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import { CLOSE } from '../errors.ts';
import type { Limits } from '../limits.ts';
import type { Metrics } from '../metrics.ts';
import { OVERSIZED_FRAME_CUT_AFTER_MS } from '../limits.ts';
import type { Connection } from './connection.ts';
import { MessageThrottle } from './rate-limit.ts';

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

/** What an attached socket's messages go to, and what to do when it misbehaves. */
export interface SocketSink {
  deliver(bytes: Uint8Array): void;
  /** Over `maxMessageBytes`. */
  tooBig(bytes: number): void;
  /** Still sending while held back too long; `dropped` messages were discarded. */
  flood(dropped: number): void;
  closed(): void;
}

/**
 * One `ws` socket adapted to a room's `{ send, close }` connection. From the upgrade on, what
 * the client sends is held (authentication and the room's load take a database round trip,
 * and a client speaks at once) and handed over in order on `attach`; after that messages go
 * through the connection's throttle. Sends are corked per tick: the first message of a tick
 * leaves at once, any more in the same tick leave together in one write.
 */
export class SocketConnection implements Connection {
  private readonly early: RawData[] = [];
  private sentThisTick = false;
  private corked = false;
  private throttle: MessageThrottle | null = null;

  constructor(
    readonly ws: WebSocket,
    private readonly socket: Duplex,
    private readonly limits: Limits,
    private readonly metrics: Metrics,
    readonly log: FastifyBaseLogger,
  ) {
    ws.on('message', this.hold);
    ws.on('error', (err: Error & { code?: string }) => {
      if (err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
        metrics.dropped.inc({ reason: 'too_big' });
        metrics.closes.inc({ code: String(CLOSE.MESSAGE_TOO_BIG.code) });
        // ws has sent 1009 and resumes the socket on the next tick to drain the frame.
        setImmediate(() => socket.pause());
        setTimeout(() => ws.terminate(), OVERSIZED_FRAME_CUT_AFTER_MS).unref();
      }
      log.warn({ err: err.message, code: err.code }, 'websocket error');
    });
  }

  get open(): boolean {
    return this.ws.readyState === this.ws.OPEN;
  }

  get bufferedAmount(): number {
    return this.ws.bufferedAmount;
  }

  send(data: Uint8Array): void {
    if (!this.sentThisTick) {
      this.sentThisTick = true;
      if (sentThisTick.push(this) === 1) process.nextTick(endTick);
    } else if (!this.corked) {
      this.corked = true;
      this.socket.cork();
    }
    // After a close has begun `ws` refuses the send and says so; until then the frame is ours.
    if (this.ws.readyState === this.ws.OPEN) this.socket.write(framed(data));
    else this.ws.send(data);
  }

  close(code: number, reason: string): void {
    this.ws.close(code, reason);
  }

  /** Runs `fn` once when the socket closes (at once if it already has). */
  onClose(fn: () => void): void {
    this.ws.once('close', fn);
  }

  /** From now on messages (the held ones first) go to `sink`, through the throttle. */
  attach(sink: SocketSink): void {
    const { limits, metrics } = this;
    const throttle = new MessageThrottle(limits, limits.maxMessageBytes, {
      deliver: (bytes) => sink.deliver(bytes),
      delayed: () => metrics.delayed.inc(),
      flood: (dropped) => sink.flood(dropped),
    });
    this.throttle = throttle;
    const onMessage = (data: RawData) => {
      const bytes = toBytes(data);
      if (bytes.byteLength > limits.maxMessageBytes) {
        throttle.stop();
        sink.tooBig(bytes.byteLength);
        return;
      }
      throttle.push(bytes);
    };
    this.ws.off('message', this.hold);
    for (const data of this.early.splice(0)) onMessage(data);
    this.ws.on('message', onMessage);
    this.ws.on('close', () => {
      throttle.stop();
      sink.closed();
    });
  }

  /** Stops delivering what waits in the throttle (the room is done with this socket). */
  stop(): void {
    this.throttle?.stop();
  }

  private readonly hold = (data: RawData): void => {
    this.early.push(data);
  };

  /** The tick is over: the next message leaves at once again, and what was corked leaves now. */
  endTick(): void {
    this.sentThisTick = false;
    if (!this.corked) return;
    this.corked = false;
    this.socket.uncork();
  }
}

/**
 * The connections that sent in this tick, all ended by one `nextTick`: a broadcast to a room
 * of 200 scheduled 200 of them, which cost as much as a tenth of the socket writes.
 */
let sentThisTick: SocketConnection[] = [];

function endTick(): void {
  lastPayload = lastFrame = null;
  const connections = sentThisTick;
  sentThisTick = [];
  for (const c of connections) c.endTick();
}

/**
 * A broadcast hands every recipient the same message. The server's frames are unmasked and
 * uncompressed (`perMessageDeflate: false`), so a frame is the same bytes for everyone: it is
 * built once and written whole to each socket, instead of `ws` making a header and a two-part
 * write per recipient. Kept for the tick only.
 */
let lastPayload: Uint8Array | null = null;
let lastFrame: Buffer | null = null;

/** A final binary frame (RFC 6455 §5.2) holding `payload`. */
export function framed(payload: Uint8Array): Buffer {
  if (payload === lastPayload && lastFrame) return lastFrame;
  const length = payload.byteLength;
  const headerBytes = length < 126 ? 2 : length < 0x10000 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerBytes + length);
  frame[0] = 0x82;
  if (length < 126) {
    frame[1] = length;
  } else if (length < 0x10000) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.set(payload, headerBytes);
  lastPayload = payload;
  lastFrame = frame;
  return frame;
}
