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

/**
 * Who a connection is, as presence shows it: stamped by the server from the token. The
 * organisation is there only when its person chose to show it in the directory.
 */
export interface PresenceIdentity {
  id: string;
  name: string;
  organisation?: string;
  timeZone: string;
  role: Role;
  colour: string;
}

export interface ClientInfo {
  /** Names this socket in log lines. */
  connId: string;
  personId: string;
  role: Role;
  access: 'read' | 'write';
  identity: PresenceIdentity;
}

export interface RoomClient extends ClientInfo {
  readonly conn: Connection;
  closed: boolean;
}
