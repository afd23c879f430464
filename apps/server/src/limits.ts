/** Every limit the server enforces, named once; tests check at and just past each. */

/** Largest WebSocket message accepted; a larger one closes the socket with 1009 and a reason. */
export const MAX_WS_MESSAGE_BYTES = 1024 * 1024;
/**
 * Frames past this are cut off by `ws` while still arriving (1009 without a reason: ws
 * gives no hook to add one). Between the two limits we see the frame and can say why.
 */
export const WS_FRAME_HARD_LIMIT_BYTES = 4 * MAX_WS_MESSAGE_BYTES;
/**
 * Bytes queued for one slow socket before it is closed: a client that stops reading must
 * not make the server hold an ever-growing copy of the room's traffic.
 */
export const MAX_WS_BUFFERED_BYTES = 8 * 1024 * 1024;
/** Largest HTTP request body. */
export const HTTP_BODY_LIMIT_BYTES = 64 * 1024;

/** Updates in a room's log before they are merged into its snapshot. */
export const COMPACT_AFTER_UPDATES = 500;
/** Bytes in a room's log before they are merged into its snapshot. */
export const COMPACT_AFTER_BYTES = 1024 * 1024;
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
  unloadDelayMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxMessageBytes: MAX_WS_MESSAGE_BYTES,
  maxBufferedBytes: MAX_WS_BUFFERED_BYTES,
  compactAfterUpdates: COMPACT_AFTER_UPDATES,
  compactAfterBytes: COMPACT_AFTER_BYTES,
  unloadDelayMs: ROOM_UNLOAD_DELAY_MS,
};
