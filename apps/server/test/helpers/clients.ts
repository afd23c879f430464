import { eventually } from '@crossboard/testkit';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';

/** The server tests' polling call: `eventually` with a 10 s default and a 20 ms poll. */
export function waitFor<T>(check: () => T | undefined | false | null, what: string, timeoutMs = 10_000): Promise<T> {
  return eventually(check, { what, timeoutMs }) as Promise<T>;
}

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Announced in the client's presence as `probe`, so tests can find it among server-assigned presence ids. */
  presenceTag: string;
  destroy(): void;
}

let tags = 0;

/** The presence `observer` sees for `client` (the server assigns presence ids, unrelated to `client.doc.clientID`). */
export function presenceOf(observer: TestClient, client: TestClient): Record<string, any> | undefined {
  for (const state of observer.provider.awareness.getStates().values()) if (state?.probe === client.presenceTag) return state;
  return undefined;
}

const open: TestClient[] = [];

/** A stock y-websocket provider, as the web app uses it, in Node. */
export function connectClient(wsBase: string, room: string, token: string, doc = new Y.Doc()): TestClient {
  const provider = new WebsocketProvider(wsBase, room, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // Providers in one process would otherwise sync through BroadcastChannel, not the server.
    disableBc: true,
  });
  const presenceTag = `probe-${++tags}`;
  provider.awareness.setLocalStateField('probe', presenceTag);
  const client: TestClient = {
    doc,
    provider,
    presenceTag,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
  open.push(client);
  return client;
}

export async function connectSynced(wsBase: string, room: string, token: string): Promise<TestClient> {
  const client = connectClient(wsBase, room, token);
  await waitFor(() => client.provider.synced, `client synced to ${room}`);
  return client;
}

export function destroyAllClients(): void {
  for (const c of open.splice(0)) c.destroy();
}

export interface RawSocket {
  ws: WebSocket;
  messages: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
  opened: Promise<void>;
}

/** A bare socket, for sending what no provider would. */
export function rawSocket(url: string): RawSocket {
  const ws = new WebSocket(url);
  const messages: Uint8Array[] = [];
  ws.on('message', (data) => messages.push(new Uint8Array(data as Buffer)));
  ws.on('error', () => {});
  return {
    ws,
    messages,
    opened: new Promise((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('close', () => reject(new Error('closed before open')));
    }),
    closed: new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }))),
  };
}

export function wsUrl(wsBase: string, room: string, token?: string): string {
  return `${wsBase}/${room}${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`;
}

/** The text of a Y.Text named `name`, for comparing documents. */
export function text(doc: Y.Doc, name = 'text'): string {
  return doc.getText(name).toString();
}
