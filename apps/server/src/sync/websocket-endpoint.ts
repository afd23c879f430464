import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { controlState, parseRoomName, roomAccess, roomName } from '@crossboard/model';
import { authenticate } from '../auth/authenticate.ts';
import type { ServerContext } from '../context.ts';
import { CLOSE, type CloseKind } from '../errors.ts';
import type { Connection } from './connection.ts';
import { RoomLoadError } from './load-document.ts';
import { WS_FRAME_HARD_LIMIT_BYTES } from '../limits.ts';

const PREFIX = '/ws/';

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

function refuseHttp(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * The only place that knows about sockets: it authenticates the upgrade, picks the room
 * and adapts each `ws` socket to the room's `{ send, close }` connection.
 */
export function registerWebSocketEndpoint(app: FastifyInstance, ctx: ServerContext): void {
  const { storage, rooms, secret, metrics, limits, log } = ctx;
  // ws drops a frame over maxPayload while it arrives; smaller oversized ones get our reason.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: Math.max(WS_FRAME_HARD_LIMIT_BYTES, limits.maxMessageBytes),
    perMessageDeflate: false,
  });
  let closing = false;

  const refuse = (ws: WebSocket, kind: CloseKind, reason: string = CLOSE[kind].reason): void => {
    metrics.closes.inc({ code: String(CLOSE[kind].code) });
    ws.close(CLOSE[kind].code, reason);
  };

  const onSocket = (ws: WebSocket, url: URL): void => {
    ws.on('error', (err: Error & { code?: string }) => {
      if (err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
        metrics.dropped.inc({ reason: 'too_big' });
        metrics.closes.inc({ code: String(CLOSE.MESSAGE_TOO_BIG.code) });
      }
      log.warn({ err: err.message, code: err.code, path: url.pathname }, 'websocket error');
    });
    let name: string;
    try {
      name = decodeURIComponent(url.pathname.slice(PREFIX.length));
    } catch {
      return refuse(ws, 'BAD_ROOM');
    }
    const ref = parseRoomName(name);
    if (!ref) return refuse(ws, 'BAD_ROOM');
    const auth = authenticate(storage, secret, url.searchParams.get('token'));
    if (!auth.ok) {
      log.info({ room: name, problem: auth.problem }, 'websocket refused');
      return refuse(ws, auth.problem);
    }
    const { person } = auth;
    let access;
    try {
      const participantsMayEditReport =
        ref.kind === 'report' && person.role === 'participant'
          ? rooms.use(roomName({ workshopId: ref.workshopId, kind: 'control' }), (control) =>
              controlState(control.document).get('participantsMayEditReport') === true,
            )
          : false;
      access = roomAccess(
        { workshopId: person.workshopId, personId: person.id, role: person.role },
        ref,
        { participantsMayEditReport },
      );
      if (access === 'none') {
        log.info({ room: name, personId: person.id }, 'websocket refused: no access');
        return refuse(ws, 'FORBIDDEN');
      }
      const room = rooms.open(name);
      const conn: Connection = {
        send: (data) => ws.send(data),
        close: (code, reason) => ws.close(code, reason),
        get bufferedAmount() {
          return ws.bufferedAmount;
        },
      };
      const client = room.join(conn, { personId: person.id, role: person.role, access });
      ws.on('message', (data) => {
        const bytes = toBytes(data);
        if (bytes.byteLength > limits.maxMessageBytes) {
          log.warn({ room: name, personId: person.id, bytes: bytes.byteLength }, 'message too big');
          metrics.dropped.inc({ reason: 'too_big' });
          room.kick(client, 'MESSAGE_TOO_BIG');
          return;
        }
        room.receive(client, bytes);
      });
      ws.on('close', () => room.leave(client));
    } catch (e) {
      if (e instanceof RoomLoadError) {
        log.error({ room: name, err: e.message }, 'room failed to load');
        return refuse(ws, 'ROOM_UNAVAILABLE');
      }
      log.error({ room: name, err: e }, 'websocket setup failed');
      return refuse(ws, 'INTERNAL');
    }
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(PREFIX)) return refuseHttp(socket, '404 Not Found');
    if (closing) return refuseHttp(socket, '503 Service Unavailable');
    wss.handleUpgrade(req, socket, head, (ws) => onSocket(ws, url));
  };
  app.server.on('upgrade', onUpgrade);

  app.addHook('preClose', (done) => {
    closing = true;
    app.server.off('upgrade', onUpgrade);
    rooms.closeAll('GOING_AWAY');
    for (const ws of wss.clients) ws.close(CLOSE.GOING_AWAY.code, CLOSE.GOING_AWAY.reason);
    wss.close(() => done());
    // Clients that never answer the close handshake must not hold up shutdown.
    setTimeout(() => {
      for (const ws of wss.clients) ws.terminate();
    }, 2_000).unref();
  });
}
