import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { Awareness } from 'y-protocols/awareness';
import { refusalReason } from '@crossboard/model';
import { MAX_BACKOFF_MS, reconnectDelay } from './backoff.ts';
import { useConnectionStore } from './connection-store.ts';
import { LocalCopy } from './local-copy.ts';
import { passServerUpdatesAsSent } from './server-updates.ts';

export interface RoomOptions {
  /** e.g. `ws://host:port` — the provider appends `/ws/<room>?token=…`. */
  wsBase: string;
  token: string;
  /** Keep a copy in IndexedDB so offline edits survive a reload and sync later. */
  persist?: boolean;
  /** Node tests pass `ws`'s WebSocket. */
  WebSocketPolyfill?: typeof WebSocket;
}

export interface RoomConnection {
  name: string;
  doc: Y.Doc;
  awareness: Awareness;
  provider: WebsocketProvider;
  persistence: LocalCopy | null;
  /** Resolves once the IndexedDB copy (if any) has been loaded into the doc. */
  whenLoaded: Promise<void>;
  destroy(): void;
}

const pendingKey = (room: string) => `crossboard:pending:${room}`;

/**
 * One Yjs room: a WebSocket provider to the server, an IndexedDB copy, and its status in the
 * connection store. Everything the UI knows about the network comes through here.
 */
export function openRoom(name: string, options: RoomOptions): RoomConnection {
  const doc = new Y.Doc();
  const store = useConnectionStore.getState();
  store.setRoom(name, { synced: false, connecting: true, failedAttempts: 0, refused: null });

  const persistence = options.persist === false ? null : new LocalCopy(`crossboard:${name}`, doc, (origin) => origin === provider);
  const whenLoaded = persistence ? persistence.whenLoaded : Promise.resolve();

  const provider = new WebsocketProvider(`${options.wsBase}/ws`, name, doc, {
    params: { token: options.token },
    maxBackoffTime: MAX_BACKOFF_MS,
    ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
  });
  passServerUpdatesAsSent(provider, doc);

  // Changes made before a previous reload that the server never confirmed.
  const carried = Number(localStorage.getItem(pendingKey(name)) ?? 0) || 0;
  let pending = carried;
  const setPending = (n: number) => {
    pending = n;
    if (n === 0) localStorage.removeItem(pendingKey(name));
    else localStorage.setItem(pendingKey(name), String(n));
    useConnectionStore.getState().setRoom(name, { pendingChanges: n });
  };
  setPending(carried);

  // y-websocket sends an update at once while synced, and re-sends everything it lacks in the
  // sync handshake after a reconnect; so "waiting" means local updates made while not synced.
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === provider || origin === persistence) return;
    if (!provider.synced || !provider.wsconnected) setPending(pending + 1);
  };
  doc.on('update', onUpdate);

  provider.on('sync', (synced: boolean) => {
    if (synced) setPending(0);
    useConnectionStore.getState().setRoom(name, {
      synced,
      connecting: provider.wsconnecting,
      failedAttempts: synced ? 0 : provider.wsUnsuccessfulReconnects,
    });
  });
  provider.on('status', ({ status }) => {
    useConnectionStore.getState().setRoom(name, {
      synced: status === 'connected' && provider.synced,
      connecting: status === 'connecting',
    });
  });
  provider.on('connection-close', () => {
    // Runs before the provider schedules its retry: its delay is min(2^n × 100, maxBackoffTime).
    provider.maxBackoffTime = reconnectDelay(provider.wsUnsuccessfulReconnects + 1);
    useConnectionStore.getState().setRoom(name, {
      synced: false,
      connecting: false,
      failedAttempts: provider.wsUnsuccessfulReconnects + 1,
    });
  });
  provider.on('closed', ({ code, reason }) => {
    const why = refusalReason(code) ?? 'refused';
    useConnectionStore.getState().setRoom(name, {
      synced: false,
      connecting: false,
      refused: { code, reason: why, message: reason },
    });
  });

  // The provider only clears our presence on Node's exit; in a browser we do it on pagehide,
  // so others see us leave at once rather than after the 30 s awareness timeout.
  const onPageHide = () => provider.awareness.setLocalState(null);
  // When the browser knows the network is gone, a socket may linger half-open for 30 s
  // before the provider notices; drop it at once (edits queue locally) and reconnect the
  // moment the network returns instead of waiting for the next backoff slot.
  const onOffline = () => provider.disconnect();
  const onOnline = () => provider.connect();
  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);
  }

  return {
    name,
    doc,
    awareness: provider.awareness,
    provider,
    persistence,
    whenLoaded,
    destroy() {
      if (typeof window !== 'undefined') {
        window.removeEventListener('pagehide', onPageHide);
        window.removeEventListener('offline', onOffline);
        window.removeEventListener('online', onOnline);
      }
      doc.off('update', onUpdate);
      provider.awareness.setLocalState(null);
      provider.destroy();
      persistence?.destroy();
      doc.destroy();
      useConnectionStore.getState().removeRoom(name);
    },
  };
}
