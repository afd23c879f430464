import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { colourFor, controlState, parseRoomName, roomAccess, roomName } from '@crossboard/model';
import { authenticate } from '../auth/authenticate.ts';
import type { ServerContext } from '../context.ts';
import { CLOSE, errorBody, type CloseKind } from '../errors.ts';
import type { Connection } from './connection.ts';
import { ConnectionCounter } from './connection-limits.ts';
import { Heartbeat } from './heartbeat.ts';
import { RoomLoadError } from './load-document.ts';
import { MessageThrottle } from './rate-limit.ts';
import { PersonRooms } from './room-quotas.ts';
import { RoomLimitError, WorkshopRoomLimitError } from './rooms.ts';
import { OVERSIZED_FRAME_CUT_AFTER_MS, UPGRADES_PER_TURN, WS_FRAME_HARD_LIMIT_BYTES } from '../limits.ts';

const PREFIX = '/ws/';

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

function refuseHttp(socket: Duplex, status: string, body = ''): void {
  const type = body ? 'Content-Type: application/json\r\n' : '';
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n${type}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

/** Counters and timers the endpoint holds per socket; empty when no socket is open. */
export interface EndpointState {
  perIp: ConnectionCounter;
  perToken: ConnectionCounter;
  personRooms: PersonRooms;
  heartbeat: Heartbeat;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The WebSocket endpoint's per-socket bookkeeping, for tests and metrics. */
    crossboardSockets: EndpointState;
  }
}

/**
 * The only place that knows about sockets: it authenticates the upgrade, picks the room
 * and adapts each `ws` socket to the room's `{ send, close }` connection.
 */
export function registerWebSocketEndpoint(app: FastifyInstance, ctx: ServerContext): EndpointState {
  const { storage, rooms, secret, metrics, limits, log } = ctx;
  // ws drops a frame over maxPayload while it arrives; smaller oversized ones get our reason.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: Math.max(WS_FRAME_HARD_LIMIT_BYTES, limits.maxMessageBytes),
    perMessageDeflate: false,
  });
  let closing = false;
  const perIp = new ConnectionCounter(limits.maxConnectionsPerIp);
  const perToken = new ConnectionCounter(limits.maxConnectionsPerToken);
  const personRooms = new PersonRooms(limits.maxRoomsPerPerson);
  const heartbeat = new Heartbeat(limits.heartbeatIntervalMs, (ws) => {
    metrics.heartbeatTimeouts.inc();
    (socketLogs.get(ws) ?? log).info('websocket cut: no answer to ping');
  });
  // Every line about a socket carries its connection id (and its room once known), so one
  // person's several tabs, or one socket's whole story, can be told apart in the logs.
  const socketLogs = new WeakMap<WebSocket, FastifyBaseLogger>();
  const processTag = randomBytes(3).toString('hex');
  let sockets = 0;

  const refuse = (ws: WebSocket, kind: CloseKind, reason: string = CLOSE[kind].reason): void => {
    metrics.closes.inc({ code: String(CLOSE[kind].code) });
    ws.close(CLOSE[kind].code, reason);
  };

  const onSocket = async (ws: WebSocket, socket: Duplex, url: URL): Promise<void> => {
    let name: string | null;
    try {
      name = decodeURIComponent(url.pathname.slice(PREFIX.length));
    } catch {
      name = null;
    }
    const connId = `${processTag}-${(++sockets).toString(36)}`;
    const slog = log.child({ conn: connId, room: name ?? url.pathname });
    socketLogs.set(ws, slog);
    // Authentication and the room's load take a database round trip; a client speaks at once
    // (sync step 1), so what it sends meanwhile is held and handed to the room in order.
    const early: RawData[] = [];
    const hold = (data: RawData) => early.push(data);
    ws.on('message', hold);
    heartbeat.track(ws);
    ws.on('error', (err: Error & { code?: string }) => {
      if (err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
        metrics.dropped.inc({ reason: 'too_big' });
        metrics.closes.inc({ code: String(CLOSE.MESSAGE_TOO_BIG.code) });
        // ws has sent 1009 and resumes the socket on the next tick to drain the frame.
        setImmediate(() => socket.pause());
        setTimeout(() => ws.terminate(), OVERSIZED_FRAME_CUT_AFTER_MS).unref();
      }
      slog.warn({ err: err.message, code: err.code }, 'websocket error');
    });
    const ref = name === null ? null : parseRoomName(name);
    if (name === null || !ref) return refuse(ws, 'BAD_ROOM');
    const auth = await authenticate(storage, secret, url.searchParams.get('token'));
    if (!auth.ok) {
      slog.info({ problem: auth.problem }, 'websocket refused');
      return refuse(ws, auth.problem);
    }
    // Gone while we checked: nothing may be acquired for a socket whose close already fired.
    if (ws.readyState !== ws.OPEN) return;
    const { person } = auth;
    ctx.personSeen?.(person);
    const tokenKey = `${person.workshopId}/${person.id}`;
    if (!perToken.tryAcquire(tokenKey)) {
      metrics.refused.inc({ reason: 'per_token' });
      slog.warn({ personId: person.id, open: perToken.count(tokenKey) }, 'websocket refused: too many connections for token');
      return refuse(ws, 'TOO_MANY_CONNECTIONS');
    }
    ws.once('close', () => perToken.release(tokenKey));
    let access;
    try {
      const participantsMayEditReport =
        ref.kind === 'report' && person.role === 'participant'
          ? await rooms.use(roomName({ workshopId: ref.workshopId, kind: 'control' }), (control) =>
              controlState(control.document).get('participantsMayEditReport') === true,
            )
          : false;
      access = roomAccess(
        { workshopId: person.workshopId, personId: person.id, role: person.role },
        ref,
        { participantsMayEditReport },
      );
      if (access === 'none') {
        slog.info({ personId: person.id }, 'websocket refused: no access');
        return refuse(ws, 'FORBIDDEN');
      }
      if (!personRooms.tryAcquire(tokenKey, name)) {
        metrics.refused.inc({ reason: 'person_rooms' });
        slog.warn({ personId: person.id, rooms: personRooms.rooms(tokenKey) }, 'websocket refused: too many rooms for person');
        return refuse(ws, 'PERSON_ROOMS_FULL');
      }
      ws.once('close', () => personRooms.release(tokenKey, name));
      const room = await rooms.openForClient(name);
      const removed = rooms.removedPeople.has(tokenKey);
      if (removed || ws.readyState !== ws.OPEN) {
        // Not joining after all: an empty room still gets its unload scheduled.
        if (room.clientCount === 0) void rooms.use(name, () => {});
        if (removed) refuse(ws, 'PERSON_REMOVED');
        return;
      }
      // The first message of a tick leaves at once; any more in the same tick are corked and
      // leave together in one write (one syscall, not one per message), so a client that fell
      // behind a busy room catches up in one packet without delaying a lone update.
      let sentThisTick = false;
      let corked = false;
      const endTick = () => {
        sentThisTick = false;
        if (!corked) return;
        corked = false;
        socket.uncork();
      };
      const conn: Connection = {
        send: (data) => {
          if (!sentThisTick) {
            sentThisTick = true;
            process.nextTick(endTick);
          } else if (!corked) {
            corked = true;
            socket.cork();
          }
          ws.send(data);
        },
        close: (code, reason) => ws.close(code, reason),
        get bufferedAmount() {
          return ws.bufferedAmount;
        },
      };
      const identity = { id: person.id, name: person.name, organisation: person.organisation, timeZone: person.timeZone, role: person.role, colour: colourFor(person.id) };
      const client = room.join(conn, { connId, personId: person.id, role: person.role, access, identity });
      const throttle = new MessageThrottle(limits, limits.maxMessageBytes, {
        deliver: (bytes) => room.receive(client, bytes),
        delayed: () => metrics.delayed.inc(),
        flood: (dropped) => {
          metrics.dropped.inc({ reason: 'rate_limited' }, dropped);
          slog.warn({ personId: person.id, dropped }, 'websocket closed: flooding');
          room.kick(client, 'FLOODING');
        },
      });
      const onMessage = (data: RawData) => {
        const bytes = toBytes(data);
        if (bytes.byteLength > limits.maxMessageBytes) {
          slog.warn({ personId: person.id, bytes: bytes.byteLength }, 'message too big');
          metrics.dropped.inc({ reason: 'too_big' });
          throttle.stop();
          room.kick(client, 'MESSAGE_TOO_BIG');
          return;
        }
        throttle.push(bytes);
      };
      ws.off('message', hold);
      for (const data of early.splice(0)) onMessage(data);
      ws.on('message', onMessage);
      ws.on('close', () => {
        throttle.stop();
        room.leave(client);
      });
    } catch (e) {
      if (e instanceof WorkshopRoomLimitError) {
        metrics.refused.inc({ reason: 'workshop_rooms' });
        slog.warn({ workshopId: person.workshopId }, 'websocket refused: too many rooms for workshop');
        return refuse(ws, 'WORKSHOP_ROOMS_FULL');
      }
      if (e instanceof RoomLimitError) {
        metrics.refused.inc({ reason: 'rooms' });
        slog.warn({ rooms: rooms.size }, 'websocket refused: too many rooms');
        return refuse(ws, 'TOO_MANY_ROOMS');
      }
      if (e instanceof RoomLoadError) {
        slog.error({ err: e.message }, 'room failed to load');
        return refuse(ws, 'ROOM_UNAVAILABLE');
      }
      slog.error({ err: e }, 'websocket setup failed');
      return refuse(ws, 'INTERNAL');
    }
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(PREFIX)) return refuseHttp(socket, '404 Not Found');
    if (closing) return refuseHttp(socket, '503 Service Unavailable');
    const ip = req.socket.remoteAddress ?? 'unknown';
    if (perIp.full(ip)) {
      metrics.refused.inc({ reason: 'per_ip' });
      log.warn({ ip, open: perIp.count(ip) }, 'websocket refused: too many connections from address');
      return refuseHttp(socket, '429 Too Many Requests', JSON.stringify(errorBody('TOO_MANY_CONNECTIONS')));
    }
    // The slot is held from now until the socket closes, however the handshake ends.
    perIp.tryAcquire(ip);
    socket.once('close', () => perIp.release(ip));
    if (pendingUpgrades.push(() => completeUpgrade(req, socket, head, url)) === 1) setImmediate(drainUpgrades);
  };

  const completeUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer, url: URL): void => {
    if (socket.destroyed) return;
    if (closing) return refuseHttp(socket, '503 Service Unavailable');
    wss.handleUpgrade(req, socket, head, (ws) => {
      onSocket(ws, socket, url).catch((e: unknown) => {
        (socketLogs.get(ws) ?? log).error({ err: e }, 'websocket setup failed');
        ws.terminate();
      });
    });
  };

  // Handshakes wait here and are completed UPGRADES_PER_TURN at a time, one batch per turn.
  const pendingUpgrades: (() => void)[] = [];
  const drainUpgrades = (): void => {
    for (const upgrade of pendingUpgrades.splice(0, UPGRADES_PER_TURN)) upgrade();
    if (pendingUpgrades.length > 0) setImmediate(drainUpgrades);
  };
  app.server.on('upgrade', onUpgrade);

  app.addHook('preClose', (done) => {
    closing = true;
    heartbeat.stop();
    app.server.off('upgrade', onUpgrade);
    const closed = rooms.closeAll('GOING_AWAY');
    for (const ws of wss.clients) ws.close(CLOSE.GOING_AWAY.code, CLOSE.GOING_AWAY.reason);
    wss.close(() => {
      closed.then(
        () => done(),
        (e: unknown) => {
          log.error({ err: e }, 'closing rooms failed');
          done();
        },
      );
    });
    // Clients that never answer the close handshake must not hold up shutdown.
    setTimeout(() => {
      for (const ws of wss.clients) ws.terminate();
    }, 2_000).unref();
  });
  const state: EndpointState = { perIp, perToken, personRooms, heartbeat };
  app.decorate('crossboardSockets', state);
  return state;
}
