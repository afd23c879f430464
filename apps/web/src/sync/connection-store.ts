import { create } from 'zustand';
import type { RefusalReason } from '@crossboard/model';

/** How each open room is doing, as the UI reports it. */
export interface RoomStatus {
  /** The socket is open and the first sync with the server completed. */
  synced: boolean;
  /** A socket is open or opening. */
  connecting: boolean;
  /** Failed attempts since the last successful sync (drives "offline" vs "reconnecting"). */
  failedAttempts: number;
  /** Local changes made since the server last had all of ours. */
  pendingChanges: number;
  /** The server refused us for good (4401/4403/4410…); we no longer reconnect. */
  refused: { code: number; reason: RefusalReason; message: string } | null;
}

export type ConnectionState = 'connected' | 'connecting' | 'reconnecting' | 'offline' | 'refused';

interface ConnectionStore {
  rooms: Record<string, RoomStatus>;
  browserOnline: boolean;
  setRoom(room: string, patch: Partial<RoomStatus>): void;
  bumpPending(room: string, by: number): void;
  removeRoom(room: string): void;
  setBrowserOnline(online: boolean): void;
}

export const EMPTY_ROOM: RoomStatus = {
  synced: false,
  connecting: false,
  failedAttempts: 0,
  pendingChanges: 0,
  refused: null,
};

export const useConnectionStore = create<ConnectionStore>((set) => ({
  rooms: {},
  browserOnline: typeof navigator === 'undefined' ? true : navigator.onLine,
  setRoom: (room, patch) => set((s) => ({ rooms: { ...s.rooms, [room]: { ...(s.rooms[room] ?? EMPTY_ROOM), ...patch } } })),
  bumpPending: (room, by) =>
    set((s) => {
      const prev = s.rooms[room] ?? EMPTY_ROOM;
      return { rooms: { ...s.rooms, [room]: { ...prev, pendingChanges: prev.pendingChanges + by } } };
    }),
  removeRoom: (room) =>
    set((s) => {
      const { [room]: _gone, ...rest } = s.rooms;
      return { rooms: rest };
    }),
  setBrowserOnline: (browserOnline) => set({ browserOnline }),
}));

/** After this many failed attempts in a row we call it "offline" rather than a blip. */
export const OFFLINE_AFTER_FAILED_ATTEMPTS = 3;

export interface ConnectionSummary {
  state: ConnectionState;
  pendingChanges: number;
  refused: RoomStatus['refused'];
}

/** One line for the whole workshop: the worst room decides. */
export function summariseConnection(rooms: RoomStatus[], browserOnline: boolean): ConnectionSummary {
  const pendingChanges = rooms.reduce((n, r) => n + r.pendingChanges, 0);
  const refused = rooms.find((r) => r.refused)?.refused ?? null;
  if (refused) return { state: 'refused', pendingChanges, refused };
  if (rooms.length === 0) return { state: 'connecting', pendingChanges, refused };
  // The browser's own verdict wins: a socket can look synced for a while after the network is gone.
  if (!browserOnline) return { state: 'offline', pendingChanges, refused };
  if (rooms.every((r) => r.synced)) return { state: 'connected', pendingChanges, refused };
  if (rooms.some((r) => r.failedAttempts >= OFFLINE_AFTER_FAILED_ATTEMPTS)) {
    return { state: 'offline', pendingChanges, refused };
  }
  const everFailed = rooms.some((r) => r.failedAttempts > 0);
  return { state: everFailed ? 'reconnecting' : 'connecting', pendingChanges, refused };
}

export function useConnectionSummary(roomNames: string[]): ConnectionSummary {
  const rooms = useConnectionStore((s) => s.rooms);
  const online = useConnectionStore((s) => s.browserOnline);
  return summariseConnection(
    roomNames.map((n) => rooms[n] ?? EMPTY_ROOM),
    online,
  );
}
