import { eventually } from '@crossboard/testkit';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';

/** A stock y-websocket client in one room, as the browser app opens it. */
export interface RoomClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  close(): void;
}

export function wsBase(baseUrl: string): string {
  return baseUrl.replace(/^http/, 'ws').replace(/\/$/, '') + '/ws';
}

// Each y-websocket provider adds a process 'exit' listener; a seeder holds one per person.
process.setMaxListeners(Math.max(process.getMaxListeners(), 64));

/** Opens `room` with `token` and resolves once the server's state has arrived. */
export async function openRoom(baseUrl: string, room: string, token: string, timeoutMs = 120_000): Promise<RoomClient> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsBase(baseUrl), room, doc, {
    params: { token },
    // Node has no BroadcastChannel peers worth talking to; every write must go over the socket.
    disableBc: true,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  const close = () => {
    provider.destroy();
    doc.destroy();
  };
  try {
    await new Promise<void>((resolve, reject) => {
      if (provider.synced) return resolve();
      const timer = setTimeout(() => reject(new Error(`room ${room}: no sync within ${timeoutMs} ms`)), timeoutMs);
      provider.on('sync', (synced: boolean) => {
        if (!synced) return;
        clearTimeout(timer);
        resolve();
      });
      provider.on('connection-close', (event: { code?: number; reason?: string } | null) => {
        // 4xxx: the server refused us (bad token, removed person); retrying would not help.
        if (event?.code && event.code >= 4000) {
          clearTimeout(timer);
          reject(new Error(`room ${room}: closed ${event.code} ${event.reason ?? ''}`));
        }
      });
    });
  } catch (err) {
    close();
    throw err;
  }
  return { doc, provider, close };
}

/** Polls until `check` returns true; sync is asynchronous and this machine is slow. */
export async function waitUntil(what: string, check: () => boolean, timeoutMs = 60_000): Promise<void> {
  await eventually(check, { what, timeoutMs, intervalMs: 50 });
}
