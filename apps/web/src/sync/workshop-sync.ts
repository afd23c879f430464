import { roomName } from '@crossboard/model';
import { openRoom, type RoomConnection, type RoomOptions } from './room-connection.ts';
import { useConnectionStore } from './connection-store.ts';

export interface WorkshopSync {
  workshopId: string;
  board: RoomConnection;
  control: RoomConnection;
  roomNames: string[];
  destroy(): void;
}

export function defaultWsBase(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}`;
}

/** Opens the rooms a participant works in: the board (read/write) and control (read). */
export function openWorkshop(workshopId: string, token: string, options: Partial<Omit<RoomOptions, 'token'>> = {}): WorkshopSync {
  const roomOptions: RoomOptions = { wsBase: options.wsBase ?? defaultWsBase(), token, ...options };
  const board = openRoom(roomName({ workshopId, kind: 'board' }), roomOptions);
  const control = openRoom(roomName({ workshopId, kind: 'control' }), roomOptions);

  const onOnline = () => useConnectionStore.getState().setBrowserOnline(true);
  const onOffline = () => useConnectionStore.getState().setBrowserOnline(false);
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);

  return {
    workshopId,
    board,
    control,
    roomNames: [board.name, control.name],
    destroy() {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      board.destroy();
      control.destroy();
    },
  };
}
