/**
 * Every transaction carries one of these origins, so the undo manager tracks only the
 * local user's changes and server hooks can tell a client's update from their own fixes.
 */
export const ORIGIN = {
  /** A change made by this user's own hands in this client. */
  local: 'local',
  /** An update received from the network. */
  remote: 'remote',
  /** State loaded from storage (server) or IndexedDB (client). */
  storage: 'storage',
  /** A correction the server applies after a client's change (author stamping, locks). */
  serverPolicy: 'server-policy',
  /** A command the server runs for an HTTP call (reveal drafts, restore, tallies). */
  serverCommand: 'server-command',
} as const;
export type Origin = (typeof ORIGIN)[keyof typeof ORIGIN];
