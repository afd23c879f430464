/**
 * Close codes from docs/API.md that reconnecting cannot fix. y-websocket stops reconnecting
 * for every 44xx code on its own; we name the ones the server sends so the UI can explain them.
 * The values are i18n keys under `connection.refused`.
 */
export const REFUSAL_CLOSE_CODES = {
  4400: 'badRoom',
  4401: 'invalidInvitation',
  4403: 'forbidden',
  4410: 'removed',
} as const;

export type RefusalReason = (typeof REFUSAL_CLOSE_CODES)[keyof typeof REFUSAL_CLOSE_CODES] | 'refused';

export function refusalReason(code: number): RefusalReason | null {
  if (code in REFUSAL_CLOSE_CODES) return REFUSAL_CLOSE_CODES[code as keyof typeof REFUSAL_CLOSE_CODES];
  return code >= 4400 && code < 4500 ? 'refused' : null;
}
