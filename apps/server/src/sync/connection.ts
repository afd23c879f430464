import type { Role } from '@crossboard/model';

/**
 * What a room needs from a transport. The WebSocket endpoint adapts `ws` sockets to this;
 * tests or another transport can supply their own.
 */
export interface Connection {
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
  /** Bytes handed to the transport and not yet written to the network. */
  readonly bufferedAmount: number;
}

export interface ClientInfo {
  /** Names this socket in log lines. */
  connId: string;
  personId: string;
  role: Role;
  access: 'read' | 'write';
}

export interface RoomClient extends ClientInfo {
  readonly conn: Connection;
  /** Awareness clientIDs this connection has announced; removed for others when it leaves. */
  readonly awarenessIds: Set<number>;
  /** Clock shifts for ids this client re-announced after a drop (see awareness-clock.ts). */
  readonly awarenessClockShifts: Map<number, number>;
  closed: boolean;
}
