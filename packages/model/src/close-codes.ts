/**
 * WebSocket close codes with their reason (docs/API.md), in the model so the server that sends
 * them and the web that explains them read one table. Reasons stay under 123 bytes (RFC 6455).
 */
import { MAX_WS_MESSAGE_BYTES } from './limits.ts';

export const CLOSE = {
  GOING_AWAY: { code: 1001, reason: 'Server is shutting down; reconnect shortly.' },
  UNKNOWN_MESSAGE_TYPE: { code: 1003, reason: 'Unknown message type.' },
  MALFORMED_MESSAGE: { code: 1007, reason: 'Malformed message.' },
  MESSAGE_TOO_BIG: { code: 1009, reason: `Message too big: the limit is ${MAX_WS_MESSAGE_BYTES / 1024 / 1024} MiB.` },
  INTERNAL: { code: 1011, reason: 'Internal server error.' },
  ROOM_UNAVAILABLE: { code: 1013, reason: 'Room unavailable: it could not be loaded; try again later.' },
  BAD_ROOM: { code: 4400, reason: 'Unknown room name.' },
  MISSING_TOKEN: { code: 4401, reason: 'Missing token.' },
  INVALID_TOKEN: { code: 4401, reason: 'Invalid token.' },
  FORBIDDEN: { code: 4403, reason: 'Your role may not read this room.' },
  // 1013, not a 44xx code: stock providers treat 44xx as permanent, and a slow client should retry.
  TOO_SLOW: { code: 1013, reason: 'Connection too slow: too much data queued; reconnect.' },
  PERSON_REMOVED: { code: 4410, reason: 'You were removed from this workshop.' },
  FLOODING: { code: 1008, reason: 'Too many messages or bytes per second; slow down and reconnect.' },
  TOO_MANY_CONNECTIONS: { code: 1013, reason: 'Too many open connections with this token; close other tabs and retry.' },
  TOO_MANY_ROOMS: { code: 1013, reason: 'Server busy: too many open rooms; try again later.' },
  WORKSHOP_ROOMS_FULL: { code: 1013, reason: 'This workshop has as many rooms open as allowed; try again later.' },
  PERSON_ROOMS_FULL: { code: 1013, reason: 'You have as many rooms open as allowed; close other tabs and retry.' },
  AWARENESS_TOO_BIG: { code: 1009, reason: 'Presence state too big.' },
  // 1012 (service restart): the provider reconnects, and admission applies the new membership.
  GROUP_CHANGED: { code: 1012, reason: 'Your breakout group changed; reconnecting with your new access.' },
  // 1013 so the provider reconnects and resends: its document still holds the change.
  STORAGE_FAILED: { code: 1013, reason: 'Your last change could not be saved (storage unavailable); reconnecting resends it.' },
  // 44xx: resending would be refused again, so the stock provider must not retry.
  DOCUMENT_TOO_LARGE: { code: 4413, reason: 'This document is full; your last change was not saved.' },
} as const satisfies Record<string, { code: number; reason: string }>;
export type CloseKind = keyof typeof CLOSE;

/**
 * Close codes that reconnecting cannot fix, as the web explains them (i18n keys under
 * `connection.refused`). y-websocket stops reconnecting for every 44xx code on its own.
 */
export const REFUSAL_CLOSE_CODES = {
  [CLOSE.BAD_ROOM.code]: 'badRoom',
  [CLOSE.INVALID_TOKEN.code]: 'invalidInvitation',
  [CLOSE.FORBIDDEN.code]: 'forbidden',
  [CLOSE.PERSON_REMOVED.code]: 'removed',
} as const;

export type RefusalReason = (typeof REFUSAL_CLOSE_CODES)[keyof typeof REFUSAL_CLOSE_CODES] | 'refused';

export function refusalReason(code: number): RefusalReason | null {
  if (code in REFUSAL_CLOSE_CODES) return REFUSAL_CLOSE_CODES[code as keyof typeof REFUSAL_CLOSE_CODES];
  return code >= 4400 && code < 4500 ? 'refused' : null;
}
