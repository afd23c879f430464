import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { boardNotes, createNote, ORIGIN, roomName } from '@crossboard/model';
import { EMBEDDINGS_BATCH_SIZE } from '../src/clustering/embeddings-config.ts';
import { createWorkshop, joinAsParticipant, removeDataDir, startServer, type TestServer } from './helpers/server.ts';

// A pretend model on loopback, speaking the OpenAI /v1/embeddings format: it knows that
// money notes and flood notes are two topics, whatever the language.
type Mode = 'ok' | 'error500' | 'malformed' | 'wrongCount' | 'slow';
const TOPICS: [RegExp, number][] = [
  [/budget|financ|presupuesto|grant/i, 0],
  [/flood|inond|inunda/i, 1],
];
function vectorOf(text: string, i: number): number[] {
  const v = [0, 0, 0, 0, 0, 0];
  const topic = TOPICS.find(([re]) => re.test(text));
  if (topic) v[topic[1]] = 1;
  else v[2 + (i % 4)] = 1;
  return v;
}

let mode: Mode = 'ok';
const requests: { authorization?: string; body: { model: string; input: string[] } }[] = [];
let model: Server;
let modelUrl = '';

async function readBody(req: IncomingMessage): Promise<string> {
  let s = '';
  for await (const chunk of req) s += chunk;
  return s;
}

let configured: TestServer;
let unconfigured: TestServer;

beforeAll(async () => {
  model = createServer(async (req, res) => {
    const body = JSON.parse(await readBody(req)) as { model: string; input: string[] };
    requests.push({ ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}), body });
    if (mode === 'error500') return void res.writeHead(500).end('boom');
    if (mode === 'malformed') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"data": [');
    if (mode === 'slow') await new Promise((r) => setTimeout(r, 1_500));
    const input = mode === 'wrongCount' ? body.input.slice(1) : body.input;
    const data = input.map((t, index) => ({ object: 'embedding', index, embedding: vectorOf(t, index) })).reverse();
    if (!res.destroyed) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data }));
  });
  await new Promise<void>((r) => model.listen(0, '127.0.0.1', r));
  modelUrl = `http://127.0.0.1:${(model.address() as AddressInfo).port}/v1/embeddings`;

  unconfigured = await startServer();
  Object.assign(process.env, {
    CROSSBOARD_EMBEDDINGS_URL: modelUrl,
    CROSSBOARD_EMBEDDINGS_MODEL: 'test-embed',
    CROSSBOARD_EMBEDDINGS_KEY: 'sk-operator-secret',
    CROSSBOARD_EMBEDDINGS_TIMEOUT_MS: '300',
  });
  try {
    configured = await startServer();
  } finally {
    for (const k of ['URL', 'MODEL', 'KEY', 'TIMEOUT_MS']) delete process.env[`CROSSBOARD_EMBEDDINGS_${k}`];
  }
});

afterAll(async () => {
  for (const s of [configured, unconfigured]) {
    await s?.close();
    if (s) removeDataDir(s.dataDir);
  }
  model.closeAllConnections();
  await new Promise((r) => model.close(r));
});

beforeEach(() => {
  mode = 'ok';
  requests.length = 0;
});

const NOTES = [
  'No budget after the pilot',
  'Pas de financement pour la suite',
  'Sin presupuesto estable',
  'Streets flood every winter',
  'Inondations dans les quartiers bas',
  'Trust in the platform',
];

async function workshopWithNotes(server: TestServer, texts: readonly string[]) {
  const w = await createWorkshop(server.app);
  const textOf = new Map<string, string>();
  await server.app.crossboard.rooms.use(roomName({ workshopId: w.id, kind: 'board' }), (room) =>
    room.change((doc) => {
      for (const text of texts) textOf.set(createNote(boardNotes(doc), { phase: 'painPoints', text }), text);
    }, ORIGIN.serverCommand),
  );
  return { ...w, textOf };
}

async function suggest(server: TestServer, id: string, token: string, payload: unknown = { phase: 'painPoints' }) {
  return server.app.inject({
    method: 'POST',
    url: `/api/workshops/${id}/clusters/suggest`,
    headers: { authorization: `Bearer ${token}` },
    payload: payload as object,
  });
}

const textsOf = (body: { suggestions: { noteIds: string[] }[] }, w: { textOf: Map<string, string> }) =>
  body.suggestions.map((s) => s.noteIds.map((id) => w.textOf.get(id)).sort());

describe('cluster suggestions through the operator’s embeddings model', () => {
  it('groups notes across languages by the model, and says so', async () => {
    const w = await workshopWithNotes(configured, NOTES);
    const res = await suggest(configured, w.id, w.facilitatorToken);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.method).toBe('embeddings');
    expect(textsOf(body, w)).toEqual([
      ['No budget after the pilot', 'Pas de financement pour la suite', 'Sin presupuesto estable'],
      ['Inondations dans les quartiers bas', 'Streets flood every winter'],
    ]);
    expect(body).toMatchObject({ notes: 6, leftAlone: 1 });
    // The key goes to the model, and only there.
    expect(requests[0]!.authorization).toBe('Bearer sk-operator-secret');
    expect(requests[0]!.body.model).toBe('test-embed');
    expect(res.body).not.toContain('sk-operator-secret');
  });

  it('sends notes in batches, and a note it has embedded before is not sent again', async () => {
    const many = Array.from({ length: EMBEDDINGS_BATCH_SIZE + 6 }, (_, i) => `Idea number ${i} about grants`);
    const w = await workshopWithNotes(configured, many);
    expect((await suggest(configured, w.id, w.facilitatorToken)).json().method).toBe('embeddings');
    expect(requests.map((r) => r.body.input.length)).toEqual([EMBEDDINGS_BATCH_SIZE, 6]);
    requests.length = 0;
    expect((await suggest(configured, w.id, w.facilitatorToken)).json().method).toBe('embeddings');
    expect(requests).toHaveLength(0);
  });

  it.each([
    ['error500', /answered 500/],
    ['malformed', /malformed JSON/],
    ['wrongCount', /5 vectors for 6 notes/],
    ['slow', /no answer within 300 ms/],
  ] as const)('falls back to the offline method when the model %s', async (m, reason) => {
    mode = m;
    // Texts of their own, so no vector is cached from an earlier test.
    const w = await workshopWithNotes(
      configured,
      NOTES.map((t) => `${t} (${m})`),
    );
    const res = await suggest(configured, w.id, w.facilitatorToken);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.method).toBe('offline');
    expect(body.fallbackReason).toMatch(reason);
    expect(body.notes).toBe(6);
  });

  it('tells the facilitator’s browser whether a model is configured', async () => {
    const a = await createWorkshop(configured.app);
    const b = await createWorkshop(unconfigured.app);
    const config = (s: TestServer, w: typeof a) =>
      s.app.inject({
        method: 'GET',
        url: `/api/workshops/${w.id}/clusters/config`,
        headers: { authorization: `Bearer ${w.facilitatorToken}` },
      });
    expect((await config(configured, a)).json()).toEqual({ embeddings: true });
    expect((await config(unconfigured, b)).json()).toEqual({ embeddings: false });
  });
});

describe('without CROSSBOARD_EMBEDDINGS_URL', () => {
  it('suggests offline and sends nothing anywhere', async () => {
    const w = await workshopWithNotes(unconfigured, ['Funding for pilots runs out', 'Pilots need funding to scale', 'Storms']);
    const body = (await suggest(unconfigured, w.id, w.facilitatorToken)).json();
    expect(body).toMatchObject({ method: 'offline', notes: 3, leftAlone: 1 });
    expect(body.fallbackReason).toBeUndefined();
    expect(requests).toHaveLength(0);
  });
});

describe('who may ask, and with what', () => {
  it('refuses a participant, a missing token and an unknown phase', async () => {
    const w = await createWorkshop(unconfigured.app);
    const ana = await joinAsParticipant(unconfigured.app, w.id);
    expect((await suggest(unconfigured, w.id, ana.token)).statusCode).toBe(403);
    const anonymous = await unconfigured.app.inject({
      method: 'POST',
      url: `/api/workshops/${w.id}/clusters/suggest`,
      payload: { phase: 'painPoints' },
    });
    expect(anonymous.statusCode).toBe(401);
    const bad = await suggest(unconfigured, w.id, w.facilitatorToken, { phase: '__proto__' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBeDefined();
  });
});
