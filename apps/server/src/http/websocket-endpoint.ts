import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { WebSocketServer, type WebSocket } from 'ws';
import { parseRoomName } from '@crossboard/model';
import { authenticate } from '../auth/authenticate.ts';
import type { ServerContext } from '../context.ts';
import { CLOSE, errorBody, type CloseKind } from '../errors.ts';
import { addressKey } from './address-key.ts';
import type { PersonRecord } from '../storage/storage.ts';
import { peopleRecords } from '../storage/people-records.ts';
import { admit } from '../sync/admit.ts';
import { SocketConnection } from '../sync/socket-connection.ts';
import { ConnectionCounter } from '../sync/connection-limits.ts';
import { Heartbeat } from '../sync/heartbeat.ts';
import { identityEpoch, presenceIdentity, restampStale } from '../sync/presence.ts';
import { RoomLoadError } from '../sync/load-document.ts';
import { PersonRooms } from '../sync/room-quotas.ts';
import { RoomLimitError, WorkshopRoomLimitError } from '../sync/rooms.ts';
import { UPGRADES_PER_TURN, WS_FRAME_HARD_LIMIT_BYTES } from '../limits.ts';

const PREFIX = '/ws/';

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
    const conn = new SocketConnection(ws, socket, limits, metrics, slog);
    heartbeat.track(ws);
    const ref = name === null ? null : parseRoomName(name);
    if (name === null || !ref) return refuse(ws, 'BAD_ROOM');
    const auth = await authenticate(storage, secret, url.searchParams.get('token'));
    if (!auth.ok) {
      slog.info({ problem: auth.problem }, 'websocket refused');
      return refuse(ws, auth.problem);
    }
    // Gone while we checked: nothing may be acquired for a socket whose close already fired.
    if (!conn.open) return;
    const { person } = auth;
    ctx.personSeen?.(person);
    const tokenKey = `${person.workshopId}/${person.id}`;
    if (!perToken.tryAcquire(tokenKey)) {
      metrics.refused.inc({ reason: 'per_token' });
      slog.warn({ personId: person.id, open: perToken.count(tokenKey) }, 'websocket refused: too many connections for token');
      return refuse(ws, 'TOO_MANY_CONNECTIONS');
    }
    conn.onClose(() => perToken.release(tokenKey));
    try {
      const admission = await admit(rooms, person, ref);
      if (!admission.ok) {
        slog.info({ personId: person.id }, 'websocket refused: no access');
        return refuse(ws, admission.refuse);
      }
      await join(conn, name, person, admission.access, connId);
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

  /** An admitted socket joins its room (loaded if needed), within the person's room cap. */
  const join = async (
    conn: SocketConnection,
    name: string,
    person: PersonRecord,
    access: 'read' | 'write',
    connId: string,
  ): Promise<void> => {
    const slog = conn.log;
    const tokenKey = `${person.workshopId}/${person.id}`;
    if (!personRooms.tryAcquire(tokenKey, name)) {
      metrics.refused.inc({ reason: 'person_rooms' });
      slog.warn({ personId: person.id, rooms: personRooms.rooms(tokenKey) }, 'websocket refused: too many rooms for person');
      return refuse(conn.ws, 'PERSON_ROOMS_FULL');
    }
    conn.onClose(() => personRooms.release(tokenKey, name));
    // What presence shows of the person follows their directory consent (a change re-stamps it).
    const epoch = identityEpoch(rooms, tokenKey);
    const readProfile = () => peopleRecords(ctx).profile(person.workshopId, person.id);
    const identity = presenceIdentity(person, await readProfile());
    const room = await rooms.openForClient(name);
    const removed = rooms.removedPeople.has(tokenKey);
    if (removed || !conn.open) {
      // Not joining after all: an empty room still gets its unload scheduled.
      if (room.clientCount === 0) void rooms.use(name, () => {});
      if (removed) refuse(conn.ws, 'PERSON_REMOVED');
      return;
    }
    const client = room.join(conn, { connId, personId: person.id, role: person.role, access, identity });
    if (identityEpoch(rooms, tokenKey) !== epoch) {
      restampStale(rooms, room, person, readProfile).catch((e: unknown) => slog.error({ err: e }, 'presence restamp failed'));
    }
    conn.attach({
      deliver: (bytes) => room.receive(client, bytes),
      tooBig: (bytes) => {
        slog.warn({ personId: person.id, bytes }, 'message too big');
        metrics.dropped.inc({ reason: 'too_big' });
        room.kick(client, 'MESSAGE_TOO_BIG');
      },
      flood: (dropped) => {
        metrics.dropped.inc({ reason: 'rate_limited' }, dropped);
        slog.warn({ personId: person.id, dropped }, 'websocket closed: flooding');
        room.kick(client, 'FLOODING');
      },
      closed: () => room.leave(client),
    });
  };

  // Its own scope: a listener made inside onUpgrade would share onUpgrade's, keeping the upgrade
  // request, its URL and head buffer (about 2 kB) alive for as long as the socket stays open.
  const releaseOnClose = (socket: Duplex, counter: ConnectionCounter, key: string): void => {
    socket.once('close', () => counter.release(key));
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(PREFIX)) return refuseHttp(socket, '404 Not Found');
    if (closing) return refuseHttp(socket, '503 Service Unavailable');
    // Keyed as the HTTP rate limits are: an IPv6 client by its /64.
    const ip = addressKey(ctx.clientAddress(req));
    if (perIp.full(ip)) {
      metrics.refused.inc({ reason: 'per_ip' });
      log.warn({ ip, open: perIp.count(ip) }, 'websocket refused: too many connections from address');
      return refuseHttp(socket, '429 Too Many Requests', JSON.stringify(errorBody('TOO_MANY_CONNECTIONS')));
    }
    // The slot is held from now until the socket closes, however the handshake ends.
    perIp.tryAcquire(ip);
    releaseOnClose(socket, perIp, ip);
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
