import { describe, expect, it } from 'vitest';
import { WORKSHOP_JSON_FORMAT, WORKSHOP_JSON_VERSION } from '@crossboard/model';
import { useServer } from './helpers/use-server.ts';

/**
 * Issue 11, item 2: an import that failed part-way (a 3.6 MB file answered 500 after 15.6 s)
 * left a half-made workshop behind. Now nothing of it remains: no rows, no rooms.
 */

const ROOM_LIMIT = 256 * 1024;

const file = (recommendations: number) => ({
  format: WORKSHOP_JSON_FORMAT,
  version: WORKSHOP_JSON_VERSION,
  workshop: { title: 'Half made', purpose: '', themes: [], homeTimeZone: 'Europe/Paris', sessions: [], anonymous: false },
  people: [
    { id: 'fac', name: 'Fa', organisation: 'OPSI', country: 'FR', role: 'facilitator', credit: 'named' },
    { id: 'ana', name: 'Ana', organisation: 'Porto', country: 'PT', role: 'participant', credit: 'organisation' },
  ],
  clusters: [{ id: 'c1', phase: 'painPoints', title: 'Money', votes: 2 }],
  notes: [
    {
      id: 'n1',
      phase: 'painPoints',
      text: 'Pilots budgeted to fail',
      authorId: 'ana',
      clusterId: 'c1',
      colour: 'yellow',
      createdAt: '2025-06-12T13:30:00.000Z',
      votes: 1,
    },
  ],
  recommendations: Array.from({ length: recommendations }, (_, i) => ({
    id: `r${i}`,
    title: `Recommendation ${i}`,
    description: 'Fund pilots as if they will succeed.',
    order: i,
    sourceClusterId: null,
    painPointLinks: [],
    visionLinks: [],
    actionSteps: [],
  })),
});

// A small room limit, so the report room of a large file is the last thing to fail.
const server = useServer({ limits: { maxDocumentBytes: ROOM_LIMIT }, httpLimits: { importsPerAddress: Number.POSITIVE_INFINITY } });

const db = () => server.app.crossboardBackend.sqlite!.db;
const TABLES = ['workshops', 'people', 'updates', 'snapshots', 'kv'] as const;
const rowCounts = () =>
  Object.fromEntries(TABLES.map((t) => [t, (db().prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n]));
const loadedRooms = () => [...server.app.crossboard.rooms.withPrefix('')].length;
const workshopIds = () => (db().prepare('SELECT id FROM workshops').all() as { id: string }[]).map((r) => r.id);

async function importFile(body: unknown) {
  const res = await fetch(`${server.http}/api/workshops/import`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  return { status: res.status, body: (await res.json()) as { id?: string; error?: { code: string; message: string } } };
}

async function expectNothingLeft(before: { rows: Record<string, number>; ids: string[]; rooms: number }) {
  expect(rowCounts()).toEqual(before.rows);
  expect(loadedRooms()).toBe(before.rooms);
  for (const id of workshopIds().filter((id) => !before.ids.includes(id))) {
    expect((await fetch(`${server.http}/api/workshops/${id}/public`)).status, `workshop ${id} was left behind`).toBe(404);
  }
}
const state = () => ({ rows: rowCounts(), ids: workshopIds(), rooms: loadedRooms() });

describe('an import that fails late leaves nothing behind', () => {
  it('a file whose report room would pass the room limit: 413, and no workshop, person, credit or room remains', async () => {
    expect((await importFile(file(10))).status).toBe(201); // the same shape, small, is fine
    const before = state();
    const res = await importFile(file(4_000));
    expect(res.status).toBe(413);
    expect(res.body.error?.message).toMatch(/report.*more than a room may hold/);
    await expectNothingLeft(before);
  });

  it('storage failing while the last room is written: 5xx, and nothing of the workshop is stored', async () => {
    db().exec(`CREATE TEMP TRIGGER disk_full BEFORE INSERT ON updates WHEN NEW.room LIKE '%/report'
               BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    try {
      const before = state();
      const res = await importFile(file(10));
      expect(res.status).toBeGreaterThanOrEqual(500);
      await expectNothingLeft(before);
    } finally {
      db().exec('DROP TRIGGER disk_full');
    }
    expect((await importFile(file(10))).status).toBe(201);
  });
});
