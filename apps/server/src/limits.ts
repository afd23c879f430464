/** Every limit the server enforces, named once; tests check at and just past each. */

import { MAX_WS_MESSAGE_BYTES } from '@crossboard/model';

/** Largest WebSocket message accepted: in the model, since CLOSE.MESSAGE_TOO_BIG's reason quotes it. */
export { MAX_WS_MESSAGE_BYTES };
/**
 * Frames past this are cut off by `ws` while still arriving (1009 without a reason: ws
 * gives no hook to add one). Between the two limits we see the frame and can say why.
 */
export const WS_FRAME_HARD_LIMIT_BYTES = 4 * MAX_WS_MESSAGE_BYTES;
/**
 * After such a frame the socket stops being read (TCP holds the sender back instead of the
 * server reading and discarding the rest) and is cut this long
 * after its close frame was sent.
 */
export const OVERSIZED_FRAME_CUT_AFTER_MS = 1_000;
/**
 * Bytes queued for one slow socket before it is closed: a client that stops reading must
 * not make the server hold an ever-growing copy of the room's traffic.
 */
export const MAX_WS_BUFFERED_BYTES = 8 * 1024 * 1024;
/**
 * Per-connection token buckets. A browser tab sends one message per transaction: typing,
 * dragging a note (one per frame) and moving the cursor stay well under these; the burst
 * absorbs a reconnect that replays offline work. The byte bucket must hold the largest
 * message, or that message could never pass.
 */
export const MAX_MESSAGES_PER_SECOND = 200;
export const MESSAGE_BURST = 400;
export const MAX_BYTES_PER_SECOND = 2 * 1024 * 1024;
export const BYTE_BURST = 2 * MAX_WS_MESSAGE_BYTES;
/**
 * Messages past the bucket wait (in order) rather than being dropped, so a client that
 * only bursts loses nothing; one that keeps flooding is closed with 1008 once it has been
 * held back this long or has this many messages waiting.
 */
export const FLOOD_CLOSE_AFTER_MS = 500;
export const MAX_DELAYED_MESSAGES = 200;

/** Open WebSockets from one IP address (a government office behind one NAT counts once). */
export const MAX_CONNECTIONS_PER_IP = 1_024;
/** Open WebSockets for one person's token: a handful of rooms in a few tabs. */
export const MAX_CONNECTIONS_PER_TOKEN = 32;
/** Rooms held in memory; past it, an idle room is unloaded or the new one refused with 1013. */
export const MAX_ROOMS = 5_000;
/**
 * Rooms one workshop may hold loaded through its sockets: the board, control and report plus
 * a drafts room for each of up to a few hundred people. One workshop, however many
 * invitations it hands out, cannot take every room of the process.
 */
export const MAX_ROOMS_PER_WORKSHOP = 400;
/**
 * Distinct rooms one person's sockets may hold at once. A person reaches four today (board,
 * control, report, own drafts); breakout boards and a console leave room above that.
 */
export const MAX_ROOMS_PER_PERSON = 8;
/**
 * Stored bytes (snapshot plus log) of one room; an update past it is refused, not stored.
 * Below the send buffer with room to spare: a joiner's first sync is the whole document in
 * one message, and a document larger than the buffer would cut every joiner with 1013.
 */
export const MAX_DOCUMENT_BYTES = MAX_WS_BUFFERED_BYTES - 2 * 1024 * 1024;

/** How often every socket is pinged; one that has not answered the previous ping is cut. */
export const HEARTBEAT_INTERVAL_MS = 30_000;
/** Awareness changes in a room are merged and broadcast once per tick. */
export const AWARENESS_TICK_MS = 50;
/**
 * Largest presence state one connection may announce (its JSON). The web app's state (cursor,
 * status, selection and the identity the server stamps) is a few hundred bytes; every
 * state is sent to everyone in the room, so this bounds what one person makes others receive.
 */
export const MAX_AWARENESS_STATE_BYTES = 4 * 1024;
/**
 * Presence changes one connection may make per second, with a burst. Past it the latest
 * state waits for the bucket and replaces any older one waiting: a cursor lags, nothing
 * is lost, and one connection cannot make the room send more than this.
 */
export const AWARENESS_UPDATES_PER_SECOND = 30;
export const AWARENESS_UPDATE_BURST = 30;

/**
 * WebSocket handshakes completed per event-loop turn. A thousand sockets arriving together
 * (a reconnect storm, a flood of strangers) take turns with the rooms in session instead of
 * holding every room's traffic until the last handshake is done.
 */
export const UPGRADES_PER_TURN = 4;
/** Connections the kernel queues before the server accepts them (capped by net.core.somaxconn). */
export const LISTEN_BACKLOG = 4_096;

/**
 * Board versions taken automatically while people write (one per 5 minutes of activity):
 * the oldest past this many are deleted. Versions taken by hand, at a phase change, at a
 * reveal or before a restore are always kept.
 */
export const MAX_ACTIVITY_VERSIONS = 48;

/** Largest HTTP request body. */
export const HTTP_BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Time to receive a request's headers, then its whole body. A client trickling bytes holds
 * its socket no longer than this (it is answered 408 and closed). The body bound lets the
 * largest import (8 MiB) arrive over a ~1.2 Mbit/s uplink.
 */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 60_000;
/** A socket with no traffic either way this long is closed (a WebSocket is exempt: it has pings). */
export const CONNECTION_IDLE_TIMEOUT_MS = 75_000;
/** How often Node checks the two timeouts above; it enforces them this much late at most. */
export const TIMEOUT_CHECK_INTERVAL_MS = 2_000;

/**
 * HTTP requests that need no token, counted per client address (behind a proxy, only with
 * CROSSBOARD_TRUST_PROXY) in fixed windows of RATE_LIMIT_WINDOW_MS. Past a limit: 429
 * RATE_LIMITED with Retry-After. Sized for a large office behind one NAT: a room of 300
 * people joining in the same minute, each opening the board (5 clock samples) more than once.
 */
export const RATE_LIMIT_WINDOW_MS = 60_000;
export const MAX_WORKSHOPS_CREATED_PER_ADDRESS = 30;
export const MAX_IMPORTS_PER_ADDRESS = 10;
export const MAX_JOINS_PER_ADDRESS = 300;
/** Joins of one workshop from every address together: each join adds a person with fresh dots. */
export const MAX_JOINS_PER_WORKSHOP = 600;
/** GET /api/time and /api/workshops/:id/public. */
export const MAX_TOKENLESS_READS_PER_ADDRESS = 3_000;

export interface HttpLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  connectionIdleTimeoutMs: number;
  timeoutCheckIntervalMs: number;
  rateLimitWindowMs: number;
  workshopsCreatedPerAddress: number;
  importsPerAddress: number;
  joinsPerAddress: number;
  joinsPerWorkshop: number;
  tokenlessReadsPerAddress: number;
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  headersTimeoutMs: HEADERS_TIMEOUT_MS,
  requestTimeoutMs: REQUEST_TIMEOUT_MS,
  connectionIdleTimeoutMs: CONNECTION_IDLE_TIMEOUT_MS,
  timeoutCheckIntervalMs: TIMEOUT_CHECK_INTERVAL_MS,
  rateLimitWindowMs: RATE_LIMIT_WINDOW_MS,
  workshopsCreatedPerAddress: MAX_WORKSHOPS_CREATED_PER_ADDRESS,
  importsPerAddress: MAX_IMPORTS_PER_ADDRESS,
  joinsPerAddress: MAX_JOINS_PER_ADDRESS,
  joinsPerWorkshop: MAX_JOINS_PER_WORKSHOP,
  tokenlessReadsPerAddress: MAX_TOKENLESS_READS_PER_ADDRESS,
};

/** CROSSBOARD_RATE_LIMITS=off: a load test driving many people from one address. */
export const RATE_LIMITS_OFF: Partial<HttpLimits> = {
  workshopsCreatedPerAddress: Number.POSITIVE_INFINITY,
  importsPerAddress: Number.POSITIVE_INFINITY,
  joinsPerAddress: Number.POSITIVE_INFINITY,
  joinsPerWorkshop: Number.POSITIVE_INFINITY,
  tokenlessReadsPerAddress: Number.POSITIVE_INFINITY,
};

/** Updates in a room's log before they are merged into its snapshot. */
export const COMPACT_AFTER_UPDATES = 500;
/** Bytes in a room's log before they are merged into its snapshot. */
export const COMPACT_AFTER_BYTES = 1024 * 1024;
/**
 * Pause between two compactions. Rooms created together and written at the same rate reach
 * the threshold together; compacting 100 of them at once stalled every room for ~0.7 s.
 */
export const COMPACTION_SPACING_MS = 10;
/** How long an empty room stays in memory, so a reconnecting client finds it warm. */
export const ROOM_UNLOAD_DELAY_MS = 30_000;

/** Lengths of what people type when creating or joining a workshop. */
export const MAX_WORKSHOP_TITLE_LENGTH = 200;
export const MAX_PURPOSE_LENGTH = 2_000;
export const MAX_THEMES = 20;
export const MAX_THEME_LENGTH = 100;
export const MAX_SESSIONS = 20;
export const MAX_SESSION_LABEL_LENGTH = 100;
export const MAX_PHASE_MINUTES = 600;
export const MAX_NAME_LENGTH = 100;
export const MAX_ORGANISATION_LENGTH = 150;
export const MAX_COUNTRY_LENGTH = 100;
export const MAX_TIME_ZONE_LENGTH = 64;
export const MAX_TOKEN_LENGTH = 1_024;

export const LANGUAGES = ['en', 'es', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface Limits {
  maxMessageBytes: number;
  maxBufferedBytes: number;
  compactAfterUpdates: number;
  compactAfterBytes: number;
  compactionSpacingMs: number;
  unloadDelayMs: number;
  messagesPerSecond: number;
  messageBurst: number;
  bytesPerSecond: number;
  byteBurst: number;
  floodCloseAfterMs: number;
  maxDelayedMessages: number;
  maxConnectionsPerIp: number;
  maxConnectionsPerToken: number;
  maxRooms: number;
  maxRoomsPerWorkshop: number;
  maxRoomsPerPerson: number;
  maxDocumentBytes: number;
  heartbeatIntervalMs: number;
  awarenessTickMs: number;
  maxAwarenessStateBytes: number;
  awarenessUpdatesPerSecond: number;
  awarenessUpdateBurst: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxMessageBytes: MAX_WS_MESSAGE_BYTES,
  maxBufferedBytes: MAX_WS_BUFFERED_BYTES,
  compactAfterUpdates: COMPACT_AFTER_UPDATES,
  compactAfterBytes: COMPACT_AFTER_BYTES,
  compactionSpacingMs: COMPACTION_SPACING_MS,
  unloadDelayMs: ROOM_UNLOAD_DELAY_MS,
  messagesPerSecond: MAX_MESSAGES_PER_SECOND,
  messageBurst: MESSAGE_BURST,
  bytesPerSecond: MAX_BYTES_PER_SECOND,
  byteBurst: BYTE_BURST,
  floodCloseAfterMs: FLOOD_CLOSE_AFTER_MS,
  maxDelayedMessages: MAX_DELAYED_MESSAGES,
  maxConnectionsPerIp: MAX_CONNECTIONS_PER_IP,
  maxConnectionsPerToken: MAX_CONNECTIONS_PER_TOKEN,
  maxRooms: MAX_ROOMS,
  maxRoomsPerWorkshop: MAX_ROOMS_PER_WORKSHOP,
  maxRoomsPerPerson: MAX_ROOMS_PER_PERSON,
  maxDocumentBytes: MAX_DOCUMENT_BYTES,
  heartbeatIntervalMs: HEARTBEAT_INTERVAL_MS,
  awarenessTickMs: AWARENESS_TICK_MS,
  maxAwarenessStateBytes: MAX_AWARENESS_STATE_BYTES,
  awarenessUpdatesPerSecond: AWARENESS_UPDATES_PER_SECOND,
  awarenessUpdateBurst: AWARENESS_UPDATE_BURST,
};
