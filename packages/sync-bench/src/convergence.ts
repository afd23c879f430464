import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { Endpoint } from './load-client.ts';
import { eventually } from '@crossboard/testkit';

export interface Convergence {
  ok: boolean;
  detail: string;
}

interface RealClient {
  doc: Y.Doc;
  isSynced(): boolean;
  destroy(): void;
}

/** The stock provider each server is meant to be used with, as an application would. */
function connectProvider(ep: Endpoint): RealClient {
  const doc = new Y.Doc();
  if (ep.dialect === 'hocuspocus') {
    const websocketProvider = new HocuspocusProviderWebsocket({ url: ep.base, WebSocketPolyfill: WebSocket });
    const provider = new HocuspocusProvider({ websocketProvider, name: ep.room, document: doc, token: ep.token || 'bench' });
    provider.attach();
    return {
      doc,
      isSynced: () => provider.isSynced,
      destroy: () => {
        provider.destroy();
        websocketProvider.destroy();
      },
    };
  }
  const provider = new WebsocketProvider(ep.base, ep.room, doc, {
    params: ep.token ? { token: ep.token } : {},
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  return { doc, isSynced: () => provider.synced, destroy: () => provider.destroy() };
}

/**
 * A few real providers join after the load and must hold the same document, and that
 * document must hold what every writer last wrote (`expect` checks it).
 */
export async function checkConvergence(ep: Endpoint, expect: (doc: Y.Doc) => string | null, providers = 3): Promise<Convergence> {
  const clients = Array.from({ length: providers }, () => connectProvider(ep));
  try {
    await eventually(() => clients.every((c) => c.isSynced()), { what: 'real providers to sync', timeoutMs: 30_000, intervalMs: 50 });
    const vectors = clients.map((c) => Buffer.from(Y.encodeStateVector(c.doc)).toString('base64'));
    if (new Set(vectors).size !== 1) return { ok: false, detail: 'providers hold different state vectors' };
    for (const c of clients) {
      const problem = expect(c.doc);
      if (problem) return { ok: false, detail: problem };
    }
    return { ok: true, detail: `${providers} providers identical` };
  } catch (e) {
    return { ok: false, detail: (e as Error).message };
  } finally {
    for (const c of clients) c.destroy();
  }
}
