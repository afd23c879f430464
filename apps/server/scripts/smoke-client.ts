/**
 * The quickstart smoke that CI runs against a started server: create a workshop, join it as a
 * participant, write a note over a real y-websocket connection, and read it back from a second
 * connection (so it went through the server and its storage). Exits non-zero with a reason.
 *
 * Usage: tsx scripts/smoke-client.ts http://127.0.0.1:8787
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { boardNotes, createNote, plainText } from '@crossboard/model';

const base = process.argv[2];
if (!base) throw new Error('usage: smoke-client.ts <server url>');
const TIMEOUT_MS = 15_000;

async function post<T>(path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(new URL(path, base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

function connect(room: string, token: string): { doc: Y.Doc; provider: WebsocketProvider; synced: Promise<void> } {
  const doc = new Y.Doc();
  const wsBase = new URL('/ws', base).href.replace(/^http/, 'ws');
  const provider = new WebsocketProvider(wsBase, room, doc, { WebSocketPolyfill: WebSocket as never, params: { token }, disableBc: true });
  const synced = new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  return { doc, provider, synced };
}

async function within<T>(what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const workshop = await post<{ id: string; facilitatorToken: string }>('/api/workshops', { title: 'Smoke test' });
const ana = await post<{ token: string; participantId: string }>(`/api/workshops/${workshop.id}/join`, {
  name: 'Ana',
  organisation: 'City of Porto',
  country: 'Portugal',
  timeZone: 'Europe/Lisbon',
  language: 'en',
});
const room = `${workshop.id}/board`;
const writer = connect(room, ana.token);
await within('first sync', writer.synced);
const text = `Written by the smoke test at ${new Date().toISOString()}`;
createNote(boardNotes(writer.doc), {
  phase: 'painPoints',
  text,
  author: { id: ana.participantId, name: 'Ana', organisation: 'City of Porto' },
});

const reader = connect(room, workshop.facilitatorToken);
await within('second sync', reader.synced);
await within(
  'the note reaching a second connection',
  new Promise<void>((resolve) => {
    const check = () => {
      const notes = [...boardNotes(reader.doc).values()];
      if (notes.some((n) => n.get('content') instanceof Y.XmlFragment && plainText(n.get('content') as Y.XmlFragment) === text)) resolve();
    };
    check();
    reader.doc.on('update', check);
  }),
);
writer.provider.destroy();
reader.provider.destroy();
console.log(`smoke OK: workshop ${workshop.id}, a note written by a participant reached the facilitator`);
process.exit(0);
